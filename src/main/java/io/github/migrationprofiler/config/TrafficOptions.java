package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The traffic pass: what concurrent queries each reviewed migration meets (the lines their waits
 * may cross are {@link GateOptions}'s).
 *
 * @param enabled   run the pass (it needs seeded tables and the clean pass's follower)
 * @param clients   connections issuing the everyday queries, spread over the tables the migration touches
 * @param rate      queries per second per client
 * @param longQuery how long a reader already holds a transaction open on the table when the migration starts; zero: none
 * @param queries   the application's own queries (a SQL file with {@code :key(table)} placeholders) instead of the
 *                  generated reads, updates and inserts; {@code null} for those
 * @param minHold   the pass runs for a migration that holds a blocking lock at least this long (or sets
 *                  a lock_timeout shorter than the reader); briefer holds make queries wait for milliseconds, and the
 *                  wait behind a long transaction ahead of the lock is missing-lock-timeout's. Zero: for every migration
 *                  that blocks traffic. Not applied where runtimes are projected: a brief hold here may be long there
 */
public record TrafficOptions(boolean enabled, int clients, int rate, Duration longQuery, Path queries, Duration minHold) {

    /**
     * Four clients at 50 queries a second, and a 1-second report query already running: long beside
     * the workload's milliseconds, so a lock request without lock_timeout visibly queues everything
     * behind it, and short, as every migration that waits for it pays its length.
     */
    public static final TrafficOptions DEFAULTS = new TrafficOptions(true, 4, 50, Duration.ofSeconds(1), null,
            Duration.ofMillis(100));

    public static final TrafficOptions OFF = new TrafficOptions(false, 4, 50, Duration.ZERO, null, Duration.ZERO);

    /** The pass for every migration that blocks traffic, whatever its hold. */
    public TrafficOptions(boolean enabled, int clients, int rate, Duration longQuery) {
        this(enabled, clients, rate, longQuery, null);
    }

    /** The pass for every migration that blocks traffic, whatever its hold. */
    public TrafficOptions(boolean enabled, int clients, int rate, Duration longQuery, Path queries) {
        this(enabled, clients, rate, longQuery, queries, Duration.ZERO);
    }

    /** The pass as a pom writes it: durations such as {@code 1s} or {@code 100ms}, or {@code 0} for none. */
    public static TrafficOptions parse(boolean enabled, int clients, int rate, String longQuery, String minHold, Path queries) {
        return new TrafficOptions(enabled, clients, rate, duration("trafficLongQuery", longQuery), queries,
                duration("trafficMinHold", minHold));
    }

    private static Duration duration(String name, String text) {
        return text.strip().equals("0") ? Duration.ZERO : Durations.parse(name, text);
    }

    public TrafficOptions {
        if (clients < 1 || rate < 1) {
            throw new ProfilerException("migration-profiler.trafficClients and trafficRate must be 1 or more, not " + clients + " and " + rate);
        }
    }
}
