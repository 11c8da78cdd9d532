package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;

/** Starts (or reaches) the PostgreSQL server a configuration asks for. */
public final class Engines {

    private Engines() {
    }

    /** An existing server by JDBC URL, checked to answer: for reading it, never for migrations. */
    public static PostgresServer existing(String jdbcUrl, Credentials credentials) {
        return ExternalServer.connect(jdbcUrl, credentials, Map.of());
    }

    /**
     * Starts (or connects to) the server the configuration asks for, of the {@code version} the run
     * profiles on, after removing what killed runs left on this machine. An existing server is
     * what it is; the run says so where its major differs.
     */
    public static PostgresServer start(ProfilerConfig config, PostgresVersion version, ProfilerLog log) {
        EmbeddedLeftovers.sweep(log);
        return switch (config.engine()) {
            case EXTERNAL -> external(config, log);
            case EMBEDDED -> embedded(config, version, log);
            case DOCKER -> docker(DockerDaemon.tryConnect(config.docker(), log).orElseThrow(), config, version, log);
            case AUTO -> auto(config, version, log);
        };
    }

    /**
     * {@code auto} means "whatever works here": the external server when a JDBC URL is set, else a
     * Docker container when a daemon answers, else embedded PostgreSQL. A Docker daemon that
     * answers but cannot run the container (an image that cannot be pulled) falls back to embedded
     * with a warning; {@code engine=docker} makes that an error instead.
     */
    private static PostgresServer auto(ProfilerConfig config, PostgresVersion version, ProfilerLog log) {
        if (config.jdbcUrl() != null && !config.jdbcUrl().isBlank()) {
            return external(config, log);
        }
        DockerDaemon.Attempt attempt = DockerDaemon.tryConnect(config.docker(), log);
        if (attempt.daemon() == null) {
            log.info("Engine: embedded PostgreSQL (engine=auto: " + attempt.failure() + ")");
            return embedded(config, version, log);
        }
        try {
            log.info("Engine: Docker at " + attempt.daemon().host() + " (engine=auto)");
            return docker(attempt.daemon(), config, version, log);
        } catch (ProfilerException e) {
            log.warn("Docker could not run PostgreSQL, using embedded PostgreSQL instead (engine=auto): " + e.getMessage());
            return embedded(config, version, log);
        }
    }

    /** Embedded PostgreSQL; on the cache's data directory, the databases a killed run left in it are dropped first. */
    private static PostgresServer embedded(ProfilerConfig config, PostgresVersion version, ProfilerLog log) {
        IntFunction<Path> binaries = config.embeddedBinaries();
        EmbeddedServer server = EmbeddedServer.start(config.serverSettings(), version.major(),
                binaries == null ? null : () -> binaries.apply(version.major()), config.cacheDirectory(), log);
        ScratchDatabase.removeLeftovers(server, log);
        return server;
    }

    /** On the image set, else the official image of the major. */
    private static PostgresServer docker(DockerDaemon daemon, ProfilerConfig config, PostgresVersion version, ProfilerLog log) {
        DockerOptions options = config.docker().image() == null ? config.docker().withImage(version.officialImage()) : config.docker();
        DockerServer server = DockerServer.start(daemon, options, config.serverSettings(), config.cacheDirectory(), log);
        if (server.outlivesRun()) {
            ScratchDatabase.removeLeftovers(server, log);
        }
        return server;
    }

    private static PostgresServer external(ProfilerConfig config, ProfilerLog log) {
        if (config.jdbcUrl() == null || config.jdbcUrl().isBlank()) {
            throw new ProfilerException("engine=external needs migration-profiler.jdbcUrl "
                    + "(e.g. jdbc:postgresql://localhost:5432/postgres).");
        }
        Map<String, String> session = ProductionSettings.perSession(config.serverSettings());
        if (session.size() < config.serverSettings().size()) {
            log.warn("On an external server only settings a session may change apply (" + String.join(", ", session.keySet())
                    + "); the others stay as the server has them.");
        }
        PostgresServer server = ExternalServer.connect(config.jdbcUrl(), config.credentials(), session);
        ScratchDatabase.removeLeftovers(server, log);
        return server;
    }
}
