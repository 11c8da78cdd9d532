package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the disposable PostgreSQL comes from. */
public enum EngineKind {
    /** External when a JDBC URL is set, else Docker when a daemon answers, else embedded. */
    AUTO,
    /** A PostgreSQL container, started and removed through the Docker API. */
    DOCKER,
    /** PostgreSQL binaries from Maven Central, run as a child process. */
    EMBEDDED,
    /** An existing server reached by JDBC URL; the run works in its own scratch database. */
    EXTERNAL;

    public static EngineKind parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProfilerException("Unknown engine '" + value + "': use one of "
                    + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }
}
