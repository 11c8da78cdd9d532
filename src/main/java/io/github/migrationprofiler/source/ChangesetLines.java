package io.github.migrationprofiler.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line where each changeset of a changelog file is declared, since Liquibase does not
 * keep line numbers: one pass over the file indexes every declaration (a changelog with a
 * thousand changesets is read once, not once per changeset). One pattern per changelog format;
 * 1 when the declaration cannot be found.
 */
final class ChangesetLines {

    private static final Pattern XML = Pattern.compile("<changeSet\\b[^>]*?\\bid\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.DOTALL);
    private static final Pattern YAML = Pattern.compile("^[ \\t-]*id\\s*:\\s*[\"']?(.*?)[\"']?\\s*(?:#.*)?$", Pattern.MULTILINE);
    private static final Pattern JSON = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"");
    private static final Pattern SQL = Pattern.compile("^[ \\t]*--[ \\t]*changeset\\s+\"?([^:\\s\"]+)\"?:(\\S+)",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private final Map<String, Integer> lines = new HashMap<>();

    private ChangesetLines(String text, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        Pattern declaration = name.endsWith(".xml") ? XML : name.endsWith(".yaml") || name.endsWith(".yml") ? YAML
                : name.endsWith(".json") ? JSON : name.endsWith(".sql") ? SQL : null;
        if (declaration == null) {
            return;
        }
        Matcher m = declaration.matcher(text);
        int line = 1;
        int scanned = 0;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                }
            }
            String key = declaration == SQL ? m.group(1) + ":" + m.group(2) : m.group(1) != null ? m.group(1) : m.group(2);
            lines.putIfAbsent(key, line);
        }
    }

    /** The declarations of one changelog file. */
    static ChangesetLines index(String text, String fileName) {
        return new ChangesetLines(text, fileName);
    }

    int line(String id, String author) {
        Integer line = lines.get(author + ":" + id);
        return line != null ? line : lines.getOrDefault(id, 1);
    }

    static int find(String text, String fileName, String id, String author) {
        return index(text, fileName).line(id, author);
    }
}
