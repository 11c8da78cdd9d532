package io.github.migrationprofiler.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One executed statement.
 *
 * @param sql          the text sent to the server
 * @param line         line in the migration's source file where it starts
 * @param millis       wall time, fractional milliseconds
 * @param rowsAffected rows inserted, updated or deleted (0 for DDL and queries)
 * @param error        the error it raised, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementResult(String sql, int line, double millis, long rowsAffected, SqlError error) {
}
