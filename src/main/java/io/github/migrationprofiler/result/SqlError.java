package io.github.migrationprofiler.result;


/**
 * The error PostgreSQL (or the migration tool) raised.
 *
 * @param sqlState SQLSTATE code, or {@code null} when the error did not come from the server
 * @param message  the server's message, without the driver's decoration
 * @param line     line in the migration's source file where the failing statement (or, when the
 *                 server reports a position, the failing token) is
 * @param table    the table the server names in the error ({@code schema.table}), or {@code null}
 * @param column   the column of that line where the failing token starts, when the server points at one; else {@code null}
 */
public record SqlError(String sqlState, String message, int line, String table, Integer column) {

    public SqlError(String sqlState, String message, int line) {
        this(sqlState, message, line, null, null);
    }

    public SqlError(String sqlState, String message, int line, String table) {
        this(sqlState, message, line, table, null);
    }

    /** An error about the data (integrity, or a value a conversion rejects), rather than about the SQL. */
    public boolean aboutData() {
        return sqlState != null && (sqlState.startsWith("23") || sqlState.startsWith("22"));
    }
}
