package io.github.migrationprofiler.profile;

import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A follower at a fraction of the seeded scale, for projections: a database of its own that a
 * seeder of its own fills at that fraction (same generator, same proportions, fewer rows), and
 * that follows every migration as the full-size follower does. Each reviewed migration runs here
 * once, timed like there, so its runtime is known at this size too.
 */
final class ScaledFollower implements AutoCloseable {

    /** A reviewed migration at this size: the relations before it (their rows), and the run. */
    record Timed(double fraction, RelationSnapshot before, TimingPass.Run run) {
    }

    private final double fraction;
    private final Databases.Database database;
    private final Seeder seeder;
    private final String statementTimeout;
    private final ProfilerLog log;
    private Connection connection;
    private long nanos;

    ScaledFollower(double fraction, Databases.Database database, Seeder seeder, String statementTimeout, ProfilerLog log)
            throws SQLException {
        this.fraction = fraction;
        this.log = log;
        this.database = database;
        this.seeder = seeder;
        this.statementTimeout = statementTimeout;
        this.connection = database.connect();
    }

    double fraction() {
        return fraction;
    }

    /** Time spent seeding and replaying here: what this size costs the run. */
    long nanos() {
        return nanos;
    }

    /** Seeds the tables {@code applied} left empty, at this size. */
    void seed(Migration applied) {
        counted(() -> seeder.seedNewTables(applied));
    }

    /** Applies, untimed, a migration that is not under review. */
    void follow(Recording recording, String searchPath) throws SQLException {
        counted(() -> {
            TimingPass.prepare(connection, searchPath, statementTimeout);
            return TimingPass.replay(connection, recording);
        });
    }

    /** Runs a reviewed migration once, timed, on the state before it at this size. */
    Timed time(Recording recording, String searchPath) throws SQLException {
        return counted(() -> {
            TimingPass.prepare(connection, searchPath, statementTimeout);
            RelationSnapshot before = RelationSnapshot.take(connection);
            TimingPass.settle(connection, log);
            return new Timed(fraction, before, TimingPass.replay(connection, recording));
        });
    }

    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Does {@code work}, adding its time to what this size costs. */
    private <T, E extends Exception> T counted(Work<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database goes with it
        }
        if (seeder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // its connection goes with the database
            }
        }
        database.close();
    }
}
