package io.github.migrationprofiler.seed;

/** The values of one column: row {@code row}'s value as PostgreSQL COPY text, or {@code \N} for NULL. */
@FunctionalInterface
interface Values {

    String NULL = "\\N";

    void append(long row, StringBuilder out);

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
