package io.github.migrationprofiler.source;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A migration file's text, for finding the line where an executed statement came from. The file
 * and the statement are compared with white space folded, so the match survives re-indentation,
 * line breaks and a trailing semicolon that the executing tool stripped; a statement whose text
 * is not in the file (SQL that Liquibase generated) stays at the line it is asked from.
 */
final class SourceText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Long enough to tell apart statements that begin alike, short enough to skip trailing edits. */
    private static final int KEY_LENGTH = 200;

    private final String folded;
    private final int[] lineStarts;
    private final String[] lines;

    SourceText(String text) {
        lines = text.split("\n", -1);
        StringBuilder all = new StringBuilder();
        lineStarts = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            lineStarts[i] = all.length();
            String line = fold(lines[i]);
            if (!line.isEmpty()) {
                all.append(line).append(' ');
            }
        }
        folded = all.toString();
    }

    /** The 1-based line where {@code sql} starts, searching from {@code fromLine}; else {@code fromLine}. */
    int find(String sql, int fromLine) {
        String key = fold(sql);
        if (key.length() > KEY_LENGTH) {
            key = key.substring(0, KEY_LENGTH);
        }
        int from = Math.max(fromLine, 1) - 1;
        if (key.isEmpty() || from >= lineStarts.length) {
            return fromLine;
        }
        int at = folded.indexOf(key, lineStarts[from]);
        if (at < 0) {
            return fromLine;
        }
        int line = Arrays.binarySearch(lineStarts, at);
        if (line < 0) {
            line = -line - 2; // the last line starting before the match
        }
        // several empty lines share one start offset: the match is on the last of them
        while (line + 1 < lineStarts.length && lineStarts[line + 1] == at) {
            line++;
        }
        return line + 1;
    }

    /** Lines {@code from} (1-based, inclusive) to {@code to} (exclusive), as written. */
    String lines(int from, int to) {
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, from - 1), Math.min(lines.length, Math.max(from - 1, to - 1))));
    }

    int lineCount() {
        return lines.length;
    }

    private static String fold(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
