package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which verdicts fail the build. An SQL error always does: the migration does not work. */
public enum FailOn {
    /** Only SQL errors: every other verdict is reported and warned of. */
    NONE,
    /** Critical migrations: over the critical line, cancelled by the timeout, or holding traffic past trafficCritical. */
    CRITICAL,
    /** Critical migrations, and those with a finding of severity error (a rewrite, an unvalidated scan…). */
    ERROR,
    /** Every migration that is not OK. */
    WARNING;

    public static FailOn parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ProfilerException("failOn must be one of " + Arrays.stream(values()).map(FailOn::json)
                    .collect(Collectors.joining(", ")) + ", got '" + text + "'");
        }
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
