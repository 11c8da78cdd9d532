package io.github.migrationprofiler.seed;

/** SQL identifier quoting: always quoted, so reserved words ({@code order}, {@code user}) and mixed case work. */
final class Quoting {

    private Quoting() {
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
