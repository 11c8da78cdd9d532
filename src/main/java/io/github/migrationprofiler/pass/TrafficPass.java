package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.pass.traffic.Deadlocks;
import io.github.migrationprofiler.pass.traffic.Workload;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The traffic pass: runs a reviewed migration once more, on a copy of the state before it, against
 * the application's everyday queries on the tables it locks ({@link Workload}), and measures what
 * they suffer. The follower stays as it was.
 */
public final class TrafficPass {

    private final Workload workload;
    private final Duration brief;
    private final Duration longQuery;
    private final ProfilerLog log;
    private int runs;
    private int brieflyHeld;
    private long nanos;

    /**
     * @param brief     a hold of a blocking lock shorter than this is too brief for the pass to measure anything
     *                  the instrumented pass has not seen; {@code null}: the pass runs for every migration that
     *                  blocks traffic (a hold brief here may be long at production's rows)
     * @param longQuery how long the pass's reader holds its transaction
     */
    public TrafficPass(Workload workload, Duration brief, Duration longQuery, ProfilerLog log) {
        this.workload = workload;
        this.brief = brief;
        this.longQuery = longQuery;
        this.log = log;
    }

    /**
     * What the pass measured, or why it could not.
     *
     * @param traffic what the migration did to the workload; {@code null} when the pass did not run, or failed
     * @param error    why it failed, for the migration's warnings; {@code null} when it did not
     * @param deadlock   the deadlock between the migration and the application's queries, whichever lost it,
     *                   both sides described; {@code null} when there was none
     * @param notRun     why the pass did not run for it, when it had nothing to measure; {@code null} otherwise
     */
    public record Measured(Traffic traffic, String error, String deadlock, String notRun) {
        public static final Measured NONE = new Measured(null, null, null, null);

        Measured(Traffic traffic, String error, String deadlock) {
            this(traffic, error, deadlock, null);
        }
    }

    /**
     * What the migration did to the workload. The pass does not run when the follower stopped
     * (said in a warning), when no traffic would wait for the migration (it locked no table with
     * rows that existed before it in a mode that blocks writes), or when it would only restate what
     * the instrumented pass saw ({@link #restated}); the result says why. A deadlock is a finding
     * whichever side lost it; when the migration lost, it is tried once more, to measure the traffic
     * of a run that completes.
     */
    public Measured run(Follower follower, Observed observed) {
        if (!follower.following()) {
            return Measured.NONE;
        }
        if (observed.lockedTables().isEmpty()) {
            return new Measured(null, null, null, observed.unblocking());
        }
        String restated = restated(observed);
        if (restated != null) {
            brieflyHeld++;
            return new Measured(null, null, null, restated);
        }
        long start = System.nanoTime();
        runs++;
        String deadlock = null;
        try {
            try {
                Traffic traffic = once(follower, observed);
                return new Measured(traffic, null, traffic == null ? null : traffic.deadlock());
            } catch (SQLException e) {
                if (!Deadlocks.DETECTED.equals(e.getSQLState())) {
                    throw e;
                }
                deadlock = e.getMessage();
                log.warn("Traffic pass for " + observed.migration().label() + ": the migration deadlocked with the application's "
                        + "queries and lost (" + deadlock + "); trying it once more to measure the traffic");
                return new Measured(once(follower, observed), null, deadlock);
            }
        } catch (Exception e) {
            String error = "the traffic pass failed (" + firstLine(e) + "): its effect on concurrent queries is not measured";
            log.warn(observed.migration().label() + ": " + error);
            return new Measured(null, error, deadlock);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /**
     * Why the pass would tell nothing new, or {@code null} when it would. Queries can only wait on
     * the migration's work when it holds a blocking lock for a while: a brief hold makes them wait
     * only behind a long transaction ahead of it, which lasts as long as production's longest
     * transaction and is missing-lock-timeout's finding, told from the migration's lock_timeout. A
     * deadlock with the application needs a lock held while another is awaited: a brief hold leaves
     * it no window. The pass still runs for a lock_timeout shorter than its reader: only it shows
     * the migration give up and need a retry.
     */
    private String restated(Observed observed) {
        if (brief == null) {
            return null;
        }
        LockHeld longest = null;
        for (StatementResult statement : observed.statements()) {
            for (LockHeld lock : statement.locks()) {
                if (!observed.lockedTables().contains(lock.table()) || !lock.lockMode().blocksWrites()) {
                    continue;
                }
                if (givesUpBehindTheReader(statement, lock)) {
                    return null;
                }
                longest = longest == null || lock.heldMillis() > longest.heldMillis() ? lock : longest;
            }
        }
        if (longest == null || longest.heldMillis() >= brief.toMillis()) {
            return null;
        }
        return longest.lockMode().display() + " on " + longest.table() + " was held " + Durations.spoken(longest.heldMillis())
                + ", under " + Durations.format(brief) + ": too brief for queries to wait on the migration's work (a wait behind a "
                + "long transaction ahead of it is missing-lock-timeout's)";
    }

    /**
     * Whether {@code lock} waits for the reader's ACCESS SHARE (only ACCESS EXCLUSIVE does) under a
     * lock_timeout shorter than the reader holds it: the migration then gives up, which only the pass shows.
     */
    private boolean givesUpBehindTheReader(StatementResult statement, LockHeld lock) {
        Duration timeout = statement.lockTimeout() == null ? null : Durations.ofSetting(statement.lockTimeout());
        return lock.lockMode().conflictsWith(LockMode.ACCESS_SHARE) && timeout != null && !timeout.isZero()
                && timeout.compareTo(longQuery) < 0;
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

    /** How many migrations it left out for holding their locks briefly, in words; {@code null} when none. */
    public String leftOut() {
        return brieflyHeld == 0 ? null : brieflyHeld + " migration(s) held their blocking locks under trafficMinHold "
                + "(notRun.traffic in results.json)";
    }
}
