package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The session a migration runs in, in every pass: bounded by the timeout, as production's runner would leave it. */
public final class MigrationSession {

    private MigrationSession() {
    }

    /** The timeout is the migration session's statement_timeout: a statement running longer is cancelled by the server. */
    public static void limit(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + timeout.toMillis());
        }
    }

    /**
     * The session a replayed migration would have: the instrumented pass's search_path and timeout,
     * and no lock_timeout left by an earlier migration.
     */
    static void prepare(Connection c, String searchPath, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET lock_timeout");
            s.execute("SET statement_timeout = '" + timeout.toMillis() + "'");
            if (searchPath != null) {
                s.execute("SET search_path TO " + searchPath);
            }
        }
    }

    /**
     * Writes out what is waiting in shared buffers (the seeder's rows, the instrumented pass's
     * changes, a database copy) before a timed run. In production a migration meets tables whose
     * pages were written long ago; here, without this, a migration on tables larger than shared
     * buffers would write the seeder's pages itself to make room, and grow faster than its own
     * work does. Needs superuser or pg_checkpoint; without them, runs as it is, said once in debug.
     */
    static void settle(Connection c, ProfilerLog log) {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            log.debug("No CHECKPOINT before a timed run: " + e.getMessage());
        }
    }
}
