package io.github.migrationprofiler.source;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A SQL file run as psql with {@code --single-transaction} would, except for the statements
 * PostgreSQL refuses inside a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …),
 * which run on their own between the parts before and after them.
 */
final class SqlScript {

    /** Statements PostgreSQL refuses inside a transaction block. */
    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
                    + "|DROP\\s+INDEX\\s+CONCURRENTLY"
                    + "|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY"
                    + "|VACUUM\\b|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b|ALTER\\s+SYSTEM\\b"
                    + "|CREATE\\s+TABLESPACE\\b|DROP\\s+TABLESPACE\\b).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SqlScript() {
    }

    /** An undo that is a SQL file, read when it runs; {@code shown} names it in reports. */
    static Undo undo(String shown, Supplier<String> text) {
        return new Undo() {
            @Override
            public String how() {
                return shown;
            }

            @Override
            public void run(Connection connection) throws SQLException {
                SqlScript.run(connection, SqlSplitter.split(text.get()));
            }
        };
    }

    static void run(Connection connection, List<SqlStatement> statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (SqlStatement statement : statements) {
                boolean outside = OUTSIDE_TRANSACTION.matcher(statement.sql()).matches();
                if (outside) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                if (statement.copyData() != null) {
                    copyIn(connection, statement);
                } else {
                    try (Statement jdbc = connection.createStatement()) {
                        jdbc.execute(statement.sql());
                    }
                }
                if (outside) {
                    connection.setAutoCommit(false);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** {@code COPY … FROM STDIN} with its rows, through the driver's copy API as psql sends them. */
    private static void copyIn(Connection connection, SqlStatement statement) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(), new StringReader(statement.copyData()));
        } catch (IOException e) {
            throw new SQLException("COPY could not read its rows: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the failure itself is what gets reported
        }
    }
}
