package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.pass.traffic.Workload;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.Locale;

/**
 * The traffic pass: runs a reviewed migration once more, on a copy of the state before it, against
 * the application's everyday queries on the tables it locks ({@link Workload}), and measures what
 * they suffer. The follower stays as it was.
 */
public final class TrafficPass {

    private final Workload workload;
    private final ProfilerLog log;
    private int runs;
    private long nanos;

    public TrafficPass(Workload workload, ProfilerLog log) {
        this.workload = workload;
        this.log = log;
    }

    /**
     * What the migration did to the workload; {@code null} when the pass cannot run (said in a
     * warning) or the migration locked no table that existed before it.
     */
    public Traffic run(Follower follower, Observed observed) {
        if (!follower.following() || observed.lockedTables().isEmpty()) {
            return null;
        }
        long start = System.nanoTime();
        runs++;
        try (Databases.Database copy = follower.copy()) {
            Replay.check(observed.recording());
            return workload.run(copy::connect, observed.lockedTables(), c -> {
                MigrationSession.prepare(c, observed.searchPath(), follower.timeout());
                Replay.run(c, observed.recording());
            });
        } catch (Exception e) {
            log.warn("Traffic pass for " + observed.migration().label() + " failed: " + e.getMessage()
                    + "; its effect on concurrent queries is not measured");
            return null;
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /** "12 migration(s), 31.4 s": what the pass cost, for the log; {@code null} when it did not run. */
    public String cost() {
        return runs == 0 ? null : String.format(Locale.ROOT, "%d migration(s), %.1f s", runs, nanos / 1e9);
    }
}
