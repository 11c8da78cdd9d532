package io.github.migrationprofiler.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration file's text, for finding the line where an executed statement came from. Matching
 * is on the statement's first line with white space folded, so it survives re-indentation and
 * trailing semicolons that the executing tool stripped.
 */
final class SourceText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int KEY_LENGTH = 80;

    private final List<String> lines;

    SourceText(String text) {
        this.lines = text.lines().map(SourceText::fold).toList();
    }

    int find(String sql, int fromLine) {
        String key = firstLine(sql);
        if (key.isEmpty()) {
            return fromLine;
        }
        for (int i = Math.max(fromLine, 1) - 1; i < lines.size(); i++) {
            if (lines.get(i).contains(key)) {
                return i + 1;
            }
        }
        return fromLine;
    }

    private static String firstLine(String sql) {
        return sql.lines().map(SourceText::fold).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.length() > KEY_LENGTH ? l.substring(0, KEY_LENGTH) : l)
                .orElse("");
    }

    private static String fold(String line) {
        return SPACES.matcher(line).replaceAll(" ").strip();
    }
}
