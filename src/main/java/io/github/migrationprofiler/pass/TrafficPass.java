package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.pass.traffic.Workload;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The traffic pass: runs a reviewed migration once more, on a copy of the state before it, against
 * the application's everyday queries on the tables it locks ({@link Workload}), and measures what
 * they suffer. The follower stays as it was.
 */
public final class TrafficPass {

    /** SQLSTATE deadlock_detected. */
    private static final String DEADLOCK_DETECTED = "40P01";

    private final Workload workload;
    private final ProfilerLog log;
    private int runs;
    private long nanos;

    public TrafficPass(Workload workload, ProfilerLog log) {
        this.workload = workload;
        this.log = log;
    }

    /**
     * What the pass measured, or why it could not.
     *
     * @param traffic what the migration did to the workload; {@code null} when the pass did not run, or failed
     * @param error   why it failed, for the migration's warnings; {@code null} when it did not
     */
    public record Measured(Traffic traffic, String error) {
        public static final Measured NONE = new Measured(null, null);
    }

    /**
     * What the migration did to the workload. The pass does not run when the follower stopped
     * (said in a warning) or the migration locked no table that existed before it. A deadlock
     * between the migration and the workload is tried once more: which backend loses is chance.
     */
    public Measured run(Follower follower, Observed observed) {
        if (!follower.following() || observed.lockedTables().isEmpty()) {
            return Measured.NONE;
        }
        long start = System.nanoTime();
        runs++;
        try {
            try {
                return new Measured(once(follower, observed), null);
            } catch (SQLException e) {
                if (!DEADLOCK_DETECTED.equals(e.getSQLState())) {
                    throw e;
                }
                log.info("Traffic pass for " + observed.migration().label() + " hit a deadlock (" + firstLine(e)
                        + "); trying it once more");
                return new Measured(once(follower, observed), null);
            }
        } catch (Exception e) {
            String error = "the traffic pass failed (" + firstLine(e) + "): its effect on concurrent queries is not measured"
                    + (e instanceof SQLException sql && DEADLOCK_DETECTED.equals(sql.getSQLState())
                    ? "; the migration deadlocked with the application's queries twice, as it may in production" : "");
            log.warn(observed.migration().label() + ": " + error);
            return new Measured(null, error);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private Traffic once(Follower follower, Observed observed) throws Exception {
        try (Databases.Database copy = follower.copy()) {
            Replay.check(observed.recording());
            return workload.run(copy::connect, observed.lockedTables(), c -> {
                MigrationSession.prepare(c, observed.searchPath(), follower.timeout());
                Replay.run(c, observed.recording());
            });
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** "12 migration(s), 31.4 s": what the pass cost, for the log; {@code null} when it did not run. */
    public String cost() {
        return runs == 0 ? null : String.format(Locale.ROOT, "%d migration(s), %.1f s", runs, nanos / 1e9);
    }
}
