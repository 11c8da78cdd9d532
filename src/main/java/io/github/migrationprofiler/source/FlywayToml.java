package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [flyway]} tables of a {@code flyway.toml} as Flyway properties: {@code locations =
 * ["filesystem:sql"]} is {@code flyway.locations}, {@code [flyway.placeholders] owner = "app"} is
 * {@code flyway.placeholders.owner}. Environments ({@code [environments.*]}: url, user, password)
 * are not read: the run brings its own database. The file's form is this simple; Flyway's own
 * TOML reader needs a Jackson 3 module for it.
 */
final class FlywayToml {

    private static final Pattern TABLE = Pattern.compile("\\[\\s*([\\w.\"-]+)\\s*]");
    private static final Pattern PAIR = Pattern.compile("\"?([\\w.-]+)\"?\\s*=\\s*(.+)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");

    private FlywayToml() {
    }

    static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        String table = "";
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                Matcher t = TABLE.matcher(line);
                Matcher p = PAIR.matcher(line);
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                } else if (t.matches()) {
                    table = t.group(1).replace("\"", "");
                } else if (p.matches() && (table.equals("flyway") || table.startsWith("flyway."))) {
                    out.put(table + "." + p.group(1), value(p.group(2)));
                }
            }
        } catch (IOException e) {
            throw new ProfilerException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A string, boolean, number or array of strings, as the comma list Flyway's properties take. */
    private static String value(String text) {
        Matcher strings = STRING.matcher(text);
        StringBuilder out = new StringBuilder();
        while (strings.find()) {
            out.append(out.isEmpty() ? "" : ",").append(strings.group(1) != null
                    ? strings.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : strings.group(2));
        }
        if (out.isEmpty() && !text.startsWith("[")) {
            int comment = text.indexOf('#');
            return (comment < 0 ? text : text.substring(0, comment)).strip();
        }
        return out.toString();
    }
}
