package io.github.migrationprofiler.catalog;

/** SQL identifier quoting: always quoted, so reserved words ({@code order}, {@code user}) and mixed case work. */
public final class Quoting {

    private Quoting() {
    }

    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
