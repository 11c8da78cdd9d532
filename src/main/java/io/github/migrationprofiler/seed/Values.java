package io.github.migrationprofiler.seed;

/** The values of one column: row {@code row}'s value as PostgreSQL COPY text, or {@code \N} for NULL. */
@FunctionalInterface
interface Values {

    String NULL = "\\N";

    void append(long row, StringBuilder out);

    /** Shortens escaped COPY text to at most {@code end}, never inside an escape or between the halves of a character. */
    static void cut(StringBuilder out, int end) {
        int at = Math.min(end, out.length());
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && out.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1 || at > 0 && Character.isHighSurrogate(out.charAt(at - 1))) {
            at--;
        }
        out.setLength(at);
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    static void appendEscaped(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
