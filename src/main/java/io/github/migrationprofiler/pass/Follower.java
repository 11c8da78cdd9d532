package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Columns;
import io.github.migrationprofiler.catalog.Sequences;
import io.github.migrationprofiler.support.ProfilerLog;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The state before the migration being reviewed, on a database of its own: it replays every
 * migration the instrumented pass applied, with the rows the seeder wrote there copied in, so
 * when a migration has just been applied there, here it has not. The passes that must not be
 * observed — clean timing, traffic — run on it or on copies of it ({@code CREATE DATABASE …
 * TEMPLATE}). If a replay fails where the instrumented pass succeeded, the follower stops: those
 * passes end, and later runtimes come from the instrumented pass, with a warning.
 */
public final class Follower implements AutoCloseable {

    private final Databases databases;
    private final Callable<Connection> profiled;
    private final Duration timeout;
    private final ProfilerLog log;
    private Databases.Database database;
    private Connection connection;
    private Connection profiledConnection;
    private HashProbes probes;
    private String stopped;

    /**
     * @param databases where the follower and its copies are created
     * @param profiled  opens a connection to the instrumented pass's database, to copy seeded rows from
     * @param timeout   the statement_timeout the migrations run under
     */
    public Follower(Databases databases, Callable<Connection> profiled, Duration timeout, ProfilerLog log) {
        this.databases = databases;
        this.profiled = profiled;
        this.timeout = timeout;
        this.log = log;
        try {
            database = databases.create(null);
            connection = database.connect();
        } catch (SQLException | RuntimeException e) {
            stop("its database could not be created: " + e.getMessage());
        }
    }

    public boolean following() {
        return stopped == null;
    }

    /** Why runtimes come from the instrumented pass since some migration; {@code null} while the follower follows. */
    public String stopped() {
        return stopped;
    }

    Duration timeout() {
        return timeout;
    }

    /** The follower's own session: a run here moves the state on past the migration. */
    Connection connection() {
        return connection;
    }

    /** Applies, untimed, a migration the instrumented pass applied and that is not reviewed here. */
    public void follow(Observed observed) {
        if (!following()) {
            return;
        }
        try {
            Replay.check(observed.recording());
            MigrationSession.prepare(connection, observed.searchPath(), timeout);
            Replay.run(connection, observed.recording());
        } catch (SQLException e) {
            stop("replaying " + observed.migration().label() + " failed: " + e.getMessage());
        }
    }

    /**
     * The server's hash probe costs, measured here between migrations (nothing else runs then, and
     * the measurement leaves nothing behind); {@code null} once the follower stopped.
     */
    public HashProbes probes() {
        if (!following()) {
            return null;
        }
        if (probes == null) {
            probes = new HashProbes(() -> connection); // the session is replaced whenever the follower is copied
        }
        return probes;
    }

    /** A copy of the follower as it is now; its session is closed for the copy and opened again. */
    Databases.Database copy() throws SQLException {
        connection.close();
        try {
            return databases.create(database.name());
        } finally {
            connection = database.connect();
        }
    }

    /** Copies the rows the seeder wrote into {@code tables} of the instrumented pass's database (in that order). */
    public void seeded(List<String> tables) {
        if (!following() || tables.isEmpty()) {
            return;
        }
        try {
            if (profiledConnection == null || profiledConnection.isClosed()) {
                profiledConnection = profiled.call();
            }
            List<String> copied = copyRows(tables);
            copySequences();
            if (!copied.isEmpty()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("VACUUM (ANALYZE) " + String.join(", ", copied)); // as the seeder leaves them
                }
            }
        } catch (Exception e) {
            stop("copying seeded rows failed: " + e.getMessage());
        }
    }

    private List<String> copyRows(List<String> tables) throws SQLException, IOException {
        CopyManager out = profiledConnection.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> copied = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = Columns.stored(profiledConnection, table);
            if (columns == null) {
                continue; // a partition: its rows come with its parent's
            }
            String list = String.join(", ", columns);
            CopyOut reading = out.copyOut("COPY (SELECT " + list + " FROM " + table + ") TO STDOUT (FORMAT binary)");
            CopyIn writing = in.copyIn("COPY " + table + " (" + list + ") FROM STDIN (FORMAT binary)");
            for (byte[] chunk = reading.readFromCopy(); chunk != null; chunk = reading.readFromCopy()) {
                writing.writeToCopy(chunk, 0, chunk.length);
            }
            writing.endCopy();
            copied.add(table);
        }
        return copied;
    }

    /** Sequences advance with seeding as with migrations: the follower's must say the same, or inserts collide. */
    private void copySequences() throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            for (Map.Entry<String, Long> value : Sequences.lastValues(profiledConnection).entrySet()) {
                set.setString(1, value.getKey());
                set.setLong(2, value.getValue());
                set.addBatch();
            }
            set.executeBatch();
        }
    }

    /** Stops following, once, saying why; the passes on the follower end with it. */
    void stop(String why) {
        if (stopped != null) {
            return;
        }
        stopped = why;
        log.warn("Clean timing, projection and the traffic pass stopped: " + why + ". Later migrations get their runtimes from the "
                + "instrumented pass, which its own observation slows down, and no traffic pass (each says so in its warnings)");
        close();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {connection, profiledConnection}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                log.debug("Closing a follower connection: " + e.getMessage());
            }
        }
        connection = null;
        profiledConnection = null;
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
