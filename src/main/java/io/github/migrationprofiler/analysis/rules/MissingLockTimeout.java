package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * The queueing hazard: the first lock request of each transaction that would queue ordinary
 * traffic behind it, on a table that existed before, made without a lock_timeout at or under the
 * traffic warning line. However briefly the lock is then held, while the request waits behind a
 * long-running transaction every later query on the table waits too: for as long as production's
 * longest transaction runs, which no test can know. The traffic pass's figures are its evidence.
 */
final class MissingLockTimeout extends Rule {

    private final Duration line;

    /** @param line {@code trafficWarn}: a lock_timeout longer than this bounds the stall too late */
    MissingLockTimeout(Duration line) {
        super(RuleId.MISSING_LOCK_TIMEOUT, Severity.WARNING,
                "A lock that blocks writes (SHARE or stronger) was requested on an existing table without a lock_timeout "
                        + "at or under trafficWarn",
                "SET lock_timeout (e.g. '2s') at the start of the migration and retry it on timeout: a lock request "
                        + "queued behind a long-running query blocks every later query on the table, however briefly "
                        + "the lock itself is then held. If your migration runner sets lock_timeout for every migration, "
                        + "set migration-profiler.assumeLockTimeout.");
        this.line = line;
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        Set<Integer> flagged = new HashSet<>();
        for (Step step : facts.steps()) {
            int transaction = step.statement().transaction();
            String bound = unbounded(step.statement().lockTimeout());
            if (bound == null || flagged.contains(transaction) && transaction != 0) {
                continue;
            }
            // one statement may lock several tables (a CREATE TABLE with foreign keys): each is a queue of its own
            List<Map.Entry<String, LockHeld>> requested = step.existing().stream()
                    .flatMap(t -> step.statement().locks().stream().filter(l -> l.table().equals(t.table()) && queues(step, l))
                            .max(Comparator.comparing(LockHeld::lockMode).thenComparing(l -> l.relation().equals(l.table())))
                            .map(l -> Map.entry(t.table(), l)).stream())
                    .sorted(Map.Entry.comparingByKey()).toList();
            requested.stream().map(e -> e.getValue().lockMode()).max(Comparator.naturalOrder()).ifPresent(strongest -> {
                flagged.add(transaction);
                requested.stream().filter(e -> e.getValue().lockMode() == strongest).forEach(e -> hits.add(hit(step, e.getKey(),
                        e.getValue(), bound, facts.traffic())));
            });
        }
        return hits;
    }

    /**
     * Whether the request would queue the table's traffic: a mode that blocks writes, and not the
     * strong lock a concurrent index drop or rebuild takes on the old index at its end, once no
     * query uses that index any more.
     */
    private static boolean queues(Step step, LockHeld lock) {
        return lock.lockMode().blocksWrites() && (lock.relation().equals(lock.table()) || !step.matches(Operations.CONCURRENT_INDEX));
    }

    /** How the wait is bounded in words, or {@code null} when lock_timeout bounds it at or under the line. */
    private String unbounded(String lockTimeout) {
        if (lockTimeout == null) {
            return null; // not read: nothing to say
        }
        Duration timeout = Durations.ofSetting(lockTimeout);
        if (timeout != null && timeout.isZero()) {
            return "with lock_timeout = 0";
        }
        return timeout != null && timeout.compareTo(line) <= 0 ? null
                : "with lock_timeout = " + lockTimeout + ", over the traffic warning line of " + Durations.format(line);
    }

    private static Hit hit(Step step, String table, LockHeld lock, String bound, Traffic traffic) {
        String on = lock.relation().equals(table) ? table : "index " + lock.relation() + " of " + table;
        String queued = lock.lockMode() != LockMode.ACCESS_EXCLUSIVE ? String.join(", ", lock.blocks()) + " on " + table
                : lock.relation().equals(table) ? "every read and write on " + table
                : "every write on " + table + " and every read that uses the index";
        String evidence = traffic == null || !traffic.queued() ? ""
                : String.format(Locale.ROOT, " In the traffic pass, behind a reader open for %s, %,d of %,d queries waited up "
                        + "to %s and %,d more were delayed behind them (deepest lock queue %d, p99 %s → %s).",
                spoken(traffic.longQueryMillis()), traffic.blocked(), traffic.queries(), spoken(traffic.maxWaitMillis()),
                traffic.delayed(), traffic.maxQueueDepth(), spoken(traffic.baselineP99Millis()), spoken(traffic.p99Millis()));
        return new Hit(table, lock.mode() + " on " + on + " was requested at line " + step.statement().line() + " " + bound
                + " (then held " + spoken(lock.heldMillis()) + "): queued behind a long-running query, it makes " + queued
                + " wait as long as that query runs, unbounded." + evidence, lock.heldMillis());
    }
}
