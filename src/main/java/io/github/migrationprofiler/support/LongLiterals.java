package io.github.migrationprofiler.support;

/**
 * SQL text with its long string literals emptied: what the tool reads SQL for (keywords, names,
 * the keys of JSON documents) is never in a literal of thousands of characters, and reading such
 * a literal (reference data, a base64 or hex blob) with regular expressions costs time for nothing.
 * One pass over the characters; comments are passed over, so an apostrophe in one pairs with nothing.
 */
public final class LongLiterals {

    /** Longer than any key, format or JSON sample a migration reads, shorter than the blobs it loads. */
    public static final int MAX = 2_000;

    private LongLiterals() {
    }

    /**
     * {@code sql} with the content of each literal longer than {@link #MAX} characters left out
     * ({@code 'xxxx…'} becomes {@code ''}); its line breaks stay, so lines keep their numbers.
     * Text without such a literal is returned as it is.
     */
    public static String emptied(String sql) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                boolean backslashes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                int end = closing(sql, i + 1, backslashes);
                if (end - i - 1 > MAX) {
                    if (out == null) {
                        out = new StringBuilder(n / 2);
                    }
                    out.append(sql, copied, i + 1);
                    for (int k = i + 1; k < end; k++) {
                        if (sql.charAt(k) == '\n') {
                            out.append('\n');
                        }
                    }
                    copied = end;
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        if (out == null) {
            return sql;
        }
        return out.append(sql, Math.min(copied, n), n).toString();
    }

    /** Where the literal opened before {@code from} closes ({@code ''} is a quote inside it); the text's end if it never does. */
    private static int closing(String sql, int from, boolean backslashes) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
