package io.github.migrationprofiler.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line where a changeset is declared, since Liquibase does not keep line numbers. One
 * pattern per changelog format; 1 when the declaration cannot be found.
 */
final class ChangesetLines {

    private ChangesetLines() {
    }

    static int find(String text, String fileName, String id, String author) {
        String quotedId = Pattern.quote(id);
        String name = fileName.toLowerCase(Locale.ROOT);
        Pattern declaration;
        if (name.endsWith(".xml")) {
            declaration = Pattern.compile("<changeSet\\b[^>]*?\\bid\\s*=\\s*[\"']" + quotedId + "[\"']", Pattern.DOTALL);
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            declaration = Pattern.compile("^[ \\t-]*id\\s*:\\s*[\"']?" + quotedId + "[\"']?\\s*(#.*)?$", Pattern.MULTILINE);
        } else if (name.endsWith(".json")) {
            declaration = Pattern.compile("\"id\"\\s*:\\s*\"" + quotedId + "\"");
        } else if (name.endsWith(".sql")) {
            declaration = Pattern.compile("^[ \\t]*--[ \\t]*changeset\\s+\"?" + Pattern.quote(author) + "\"?:" + quotedId + "(\\s|$)",
                    Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
        } else {
            return 1;
        }
        Matcher m = declaration.matcher(text);
        return m.find() ? lineAt(text, m.start()) : 1;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
