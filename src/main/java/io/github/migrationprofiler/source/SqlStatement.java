package io.github.migrationprofiler.source;

/**
 * One statement of a SQL script and the line it starts on (1-based).
 *
 * @param copyData the rows after a {@code COPY … FROM STDIN}, up to the {@code \.} line; {@code null} for other statements
 */
public record SqlStatement(String sql, int line, String copyData) {

    public SqlStatement(String sql, int line) {
        this(sql, line, null);
    }
}
