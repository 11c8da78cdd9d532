package io.github.migrationprofiler.profile;

/**
 * The error PostgreSQL (or the migration tool) raised.
 *
 * @param sqlState SQLSTATE code, or {@code null} when the error did not come from the server
 * @param message  the server's message, without the driver's decoration
 * @param line     line in the migration's source file where the failing statement (or, when the
 *                 server reports a position, the failing token) is
 */
public record SqlError(String sqlState, String message, int line) {
}
