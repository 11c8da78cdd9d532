package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A follower at a fraction of the seeded scale, for projections: a database of its own that a
 * seeder of its own fills at that fraction (same generator, same proportions, fewer rows), and
 * that follows every migration as the full-size follower does. Each reviewed migration runs here
 * once, timed like there, so its runtime is known at this size too.
 */
final class ScaledFollower implements AutoCloseable {

    /** A reviewed migration at this size: the relations before it (their rows), and the run. */
    record Timed(double fraction, Relations before, Replay.Run run) {
    }

    /** Work whose time counts towards what this size costs. */
    private final double fraction;
    private final Databases databases;
    private final Databases.Database database;
    private final Seeder seeder;
    private final Duration timeout;
    private final ProfilerLog log;
    private Connection connection;

    ScaledFollower(double fraction, Databases databases, Databases.Database database, Seeder seeder, Duration timeout, ProfilerLog log)
            throws SQLException {
        this.fraction = fraction;
        this.databases = databases;
        this.log = log;
        this.database = database;
        this.seeder = seeder;
        this.timeout = timeout;
        this.connection = database.connect();
    }

    double fraction() {
        return fraction;
    }

    /** Seeds the tables {@code applied} left empty, at this size. */
    void seed(Migration applied) {
        seeder.seedNewTables(applied);
    }

    /** Applies, untimed, a migration that is not under review. */
    void follow(Observed observed) throws SQLException {
        MigrationSession.prepare(connection, observed.searchPath(), timeout);
        Replay.run(connection, observed.recording());
    }

    /** Runs a reviewed migration once, timed, on the state before it at this size. */
    Timed time(Observed observed) throws SQLException {
        return timed(fraction, connection, observed, timeout, log);
    }

    /** {@code observed} run once on {@code c}, timed as the clean pass times: the relations before it, settled, then run. */
    static Timed timed(double fraction, Connection c, Observed observed, Duration timeout, ProfilerLog log) throws SQLException {
        MigrationSession.prepare(c, observed.searchPath(), timeout);
        Relations before = Relations.take(c);
        MigrationSession.settle(c, log);
        return new Timed(fraction, before, Replay.run(c, observed.recording()));
    }

    /**
     * Runs {@code observed} once, timed, on a copy of this size's state, which stays as it is: for
     * the undo of the migration this size just followed.
     */
    Timed timeOnCopy(Observed observed) throws SQLException {
        closeSeeder(); // a copy needs its template without sessions; the seeder reconnects when it next seeds
        connection.close();
        try (Databases.Database copy = databases.create(database.name()); Connection c = copy.connect()) {
            return timed(fraction, c, observed, timeout, log);
        } finally {
            connection = database.connect();
        }
    }

    private void closeSeeder() {
        if (seeder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // its connection goes with the database
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database goes with it
        }
        closeSeeder();
        database.close();
    }
}
