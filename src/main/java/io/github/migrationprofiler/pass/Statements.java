package io.github.migrationprofiler.pass;

import java.util.regex.Pattern;

/** What a statement is, told from its first words without reading the rest: a statement may be megabytes long. */
final class Statements {

    /** {@code INSERT INTO t [(columns)] VALUES}: the column list is the only part that may be long before the answer. */
    private static final Pattern INSERTS_VALUES = Pattern.compile(
            "INSERT\\s+INTO\\s+(?:(?:\"[^\"]*\"|[\\w$]+)\\s*\\.\\s*)?(?:\"[^\"]*\"|[\\w$]+)\\s*(?:\\([^)]*\\)\\s*)?VALUES\\b",
            Pattern.CASE_INSENSITIVE);

    private Statements() {
    }

    /** Whether {@code sql} inserts rows it lists itself ({@code VALUES}), as reference data does, rather than rows it selects. */
    static boolean insertsValues(String sql) {
        return INSERTS_VALUES.matcher(sql).region(codeStart(sql), sql.length()).lookingAt();
    }

    /** Where the code begins after leading blanks, {@code --} and {@code /* *\/} comments. */
    static int codeStart(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return i == sql.length() ? 0 : i;
    }
}
