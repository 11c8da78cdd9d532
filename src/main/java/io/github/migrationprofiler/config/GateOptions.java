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
 * @param errorFindingsCritical a finding of severity {@code error} makes its migration critical
 * @param timeout               applied as {@code statement_timeout}: a statement running longer is cancelled (critical)
 */
public record GateOptions(Duration warnSmall, Duration warnMedium, Duration warnLarge, Duration critical,
                          Duration totalCritical, boolean errorFindingsCritical, Duration timeout) {

    /** The product brief's lines: small 30 s, medium and large 5 min, critical 10 min; a 15-minute timeout. */
    public static final GateOptions DEFAULTS = new GateOptions(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(5), Duration.ofMinutes(10), null, false, Duration.ofMinutes(15));
}
