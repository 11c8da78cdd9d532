package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;

/** Starts (or reaches) the PostgreSQL server a configuration asks for. */
public final class Engines {

    private Engines() {
    }

    public static PostgresServer start(ProfilerConfig config, ProfilerLog log) {
        EngineKind kind = choose(config, log);
        return switch (kind) {
            case EXTERNAL -> {
                if (!config.serverSettings().isEmpty()) {
                    log.warn("serverSettings are ignored on an external server; set them on the server itself.");
                }
                yield ExternalServer.connect(config.jdbcUrl(), config.credentials());
            }
            case EMBEDDED -> EmbeddedServer.start(config.serverSettings());
            case AUTO -> throw new IllegalStateException("auto is resolved by choose()");
        };
    }

    /** {@code auto}: the external server when a JDBC URL is set, else embedded PostgreSQL. */
    static EngineKind choose(ProfilerConfig config, ProfilerLog log) {
        boolean hasUrl = config.jdbcUrl() != null && !config.jdbcUrl().isBlank();
        return switch (config.engine()) {
            case EXTERNAL -> {
                if (!hasUrl) {
                    throw new ProfilerException("engine=external needs migration-profiler.jdbcUrl "
                            + "(e.g. jdbc:postgresql://localhost:5432/postgres).");
                }
                yield EngineKind.EXTERNAL;
            }
            case EMBEDDED -> EngineKind.EMBEDDED;
            case AUTO -> {
                if (hasUrl) {
                    yield EngineKind.EXTERNAL;
                }
                log.info("Engine: embedded PostgreSQL (engine=auto, no jdbcUrl set)");
                yield EngineKind.EMBEDDED;
            }
        };
    }
}
