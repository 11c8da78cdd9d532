package io.github.migrationprofiler.source;

/** One statement of a SQL script and the line it starts on (1-based). */
public record SqlStatement(String sql, int line) {
}
