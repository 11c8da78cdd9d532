package io.github.migrationprofiler.config;

import java.time.Duration;

/**
 * When the build says no.
 *
 * @param warnSmall             a SMALL migration running this long is a warning
 * @param warnMedium            a MEDIUM migration running this long is a warning
 * @param warnLarge             a LARGE migration running this long is a warning
 * @param critical              any migration running this long is critical
 * @param totalCritical         all reviewed migrations together running this long is critical; {@code null}: no limit
 * @param timeout               applied as {@code statement_timeout}: a statement running longer is cancelled (critical)
 * @param trafficWarn           a lock the traffic pass's queries waited for, held this long, is a warning (traffic-blocked);
 *                              a lock_timeout longer than this does not bound a lock request's queueing
 * @param trafficCritical       such a lock held this long is critical
 */
public record GateOptions(Duration warnSmall, Duration warnMedium, Duration warnLarge, Duration critical,
                          Duration totalCritical, Duration timeout, Duration trafficWarn,
                          Duration trafficCritical) {

    /** A user notices a 2-second stall; at 30 s requests and connection pools time out. */
    public static final Duration TRAFFIC_WARN = Duration.ofSeconds(2);
    public static final Duration TRAFFIC_CRITICAL = Duration.ofSeconds(30);

    /**
     * The product brief's lines: small 30 s, medium and large 5 min, critical 10 min; a 15-minute
     * timeout; a lock holding the traffic 2 s warns, 30 s is critical.
     */
    public static final GateOptions DEFAULTS = new GateOptions(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(5), Duration.ofMinutes(10), null, Duration.ofMinutes(15));

    /** The lines as a pom writes them ({@code 30s}, {@code 5m}…); an empty {@code totalCritical} sets none. */
    public static GateOptions parse(String warnSmall, String warnMedium, String warnLarge, String critical, String totalCritical,
                                    String timeout, String trafficWarn, String trafficCritical) {
        return new GateOptions(Durations.parse("warnSmall", warnSmall), Durations.parse("warnMedium", warnMedium),
                Durations.parse("warnLarge", warnLarge), Durations.parse("critical", critical),
                totalCritical == null || totalCritical.isBlank() ? null : Durations.parse("totalCritical", totalCritical),
                Durations.parse("timeout", timeout), Durations.parse("trafficWarn", trafficWarn),
                Durations.parse("trafficCritical", trafficCritical));
    }

    public GateOptions(Duration warnSmall, Duration warnMedium, Duration warnLarge, Duration critical, Duration totalCritical,
                       Duration timeout) {
        this(warnSmall, warnMedium, warnLarge, critical, totalCritical, timeout, TRAFFIC_WARN, TRAFFIC_CRITICAL);
    }
}
