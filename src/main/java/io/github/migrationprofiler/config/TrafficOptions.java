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
 */
public record TrafficOptions(boolean enabled, int clients, int rate, Duration longQuery, Path queries) {

    /** Four clients at 50 queries a second, and a 3-second report query already running. */
    public static final TrafficOptions DEFAULTS = new TrafficOptions(true, 4, 50, Duration.ofSeconds(3), null);

    public static final TrafficOptions OFF = new TrafficOptions(false, 4, 50, Duration.ZERO, null);

    public TrafficOptions(boolean enabled, int clients, int rate, Duration longQuery) {
        this(enabled, clients, rate, longQuery, null);
    }

    /** The pass as a pom writes it: {@code longQuery} a duration such as {@code 3s}, or {@code 0} for no long-running reader. */
    public static TrafficOptions parse(boolean enabled, int clients, int rate, String longQuery, Path queries) {
        return new TrafficOptions(enabled, clients, rate,
                longQuery.strip().equals("0") ? Duration.ZERO : Durations.parse("trafficLongQuery", longQuery), queries);
    }

    public TrafficOptions {
        if (clients < 1 || rate < 1) {
            throw new ProfilerException("migration-profiler.trafficClients and trafficRate must be 1 or more, not " + clients + " and " + rate);
        }
    }
}
