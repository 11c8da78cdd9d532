package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.result.SqlError;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** The error PostgreSQL raised, located in the source file (down to the token when the server gives a position). */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * @param sql           the statement that failed, or {@code null} when the failure was not a statement's
     * @param statementLine the line the statement starts on
     */
    static SqlError of(Throwable cause, String sql, int statementLine) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                String table = server.getTable() == null ? null
                        : (server.getSchema() == null ? "" : server.getSchema() + ".") + server.getTable();
                return new SqlError(psql.getSQLState(), server.getMessage(), statementLine + linesBefore(sql, server.getPosition()), table,
                        column(sql, server.getPosition()));
            }
            if (t instanceof SQLException jdbc) {
                return new SqlError(jdbc.getSQLState(), jdbc.getMessage(), statementLine);
            }
        }
        return new SqlError(null, String.valueOf(cause.getMessage()), statementLine);
    }

    /** The 1-based column of the 1-based {@code position} in its line of {@code sql}; {@code null} without one. */
    private static Integer column(String sql, int position) {
        if (sql == null || position <= 0 || position > sql.length()) {
            return null;
        }
        return position - (sql.lastIndexOf('\n', position - 2) + 1);
    }

    private static int linesBefore(String sql, int position) {
        if (sql == null || position <= 0) {
            return 0;
        }
        return (int) sql.substring(0, Math.min(position - 1, sql.length())).chars().filter(c -> c == '\n').count();
    }
}
