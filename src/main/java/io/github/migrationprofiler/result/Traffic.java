package io.github.migrationprofiler.result;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * What a migration did to concurrent queries in the traffic pass.
 *
 * @param tables                 the tables the clients queried (those the migration locked that existed before it)
 * @param clients                client connections
 * @param queries                queries they completed, warm-up included
 * @param blocked                of them, those whose backend waited for the migration's locks while they ran (directly,
 *                               or queued behind a request that did; not on each other's rows)
 * @param blockedReads           blocked reads by key
 * @param blockedWrites          blocked updates and inserts
 * @param delayed                other queries that took ten times the warm-up's p99 (50 ms at least): requests
 *                               queued behind a blocked one on its connection
 * @param maxWaitMillis          the longest a blocked query took
 * @param p50Millis              median latency of the queries that ran while the migration did, or in the half second after
 * @param p95Millis              95th percentile of those
 * @param p99Millis              99th percentile of those
 * @param baselineP99Millis      99th percentile during the warm-up, before the migration started
 * @param errors                 failed queries by SQLSTATE
 * @param migrationLockWaitMillis how long the migration itself waited for its locks
 * @param maxQueueDepth          the most backends waiting for the migration at once (the migration included, while it waited)
 * @param longQueryMillis        how long the reader held its transaction open on the table (0: none)
 * @param retryNeeded            the migration gave up on lock_timeout: a deployment must retry it
 * @param commitMillis           when the migration ended, from its start
 * @param lockAcquiredMillis     when it stopped waiting for locks, from its start
 * @param timeline               the queries in 100 ms steps from the warm-up on, for the chart
 * @param deadlock               the deadlock an application query lost to the migration, both sides described; {@code null} when none
 */
public record Traffic(List<String> tables, int clients, int queries, int blocked, int blockedReads, int blockedWrites, int delayed,
                      double maxWaitMillis, double p50Millis, double p95Millis, double p99Millis, double baselineP99Millis,
                      Map<String, Integer> errors, double migrationLockWaitMillis, int maxQueueDepth, double longQueryMillis,
                      boolean retryNeeded, double commitMillis, double lockAcquiredMillis, List<Step> timeline,
                      String deadlock) {

    /**
     * One 100 ms step.
     *
     * @param atMillis  its start, from the migration's start (negative: the warm-up)
     * @param queries   queries that ended in it
     * @param blocked   of them, blocked ones
     * @param maxMillis the slowest of them
     */
    public record Step(double atMillis, int queries, int blocked, double maxMillis) {
    }

    public Traffic {
        tables = tables == null ? List.of() : List.copyOf(tables);
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** The migration waited for its locks, and queries queued behind its request: what lock_timeout bounds. */
    public boolean queued() {
        return blocked > 0 && migrationLockWaitMillis > 0;
    }

    /** "412 of 1,530 queries on public.orders waited, up to 2.4 s; p99 31 ms → 2.4 s". */
    public String describe() {
        String on = String.join(", ", tables);
        if (blocked == 0) {
            return String.format(Locale.ROOT, "none of %,d queries on %s waited on its locks; p99 %s → %s", queries, on,
                    spoken(baselineP99Millis), spoken(p99Millis));
        }
        return String.format(Locale.ROOT, "%,d of %,d queries on %s waited on its locks (%,d reads, %,d writes), up to %s, and "
                        + "%,d more were delayed behind them; p99 %s → %s; deepest lock queue %d", blocked, queries, on, blockedReads,
                blockedWrites, spoken(maxWaitMillis), delayed, spoken(baselineP99Millis), spoken(p99Millis), maxQueueDepth);
    }
}
