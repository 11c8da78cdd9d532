package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.DockerOptions;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The parameters of the server a goal starts or connects to, to apply migrations on. */
abstract class AbstractEngineMojo extends AbstractConnectingMojo {

    /**
     * Where PostgreSQL comes from: {@code auto} (external when {@code jdbcUrl} is set, else Docker
     * when a daemon answers, else embedded), {@code docker}, {@code embedded} or {@code external}.
     */
    @Parameter(property = "migration-profiler.engine", defaultValue = "auto")
    String engine;

    /**
     * PostgreSQL settings for servers the run starts itself, to mirror production, e.g.
     * {@code <serverSettings><maintenance_work_mem>256MB</maintenance_work_mem></serverSettings>}.
     */
    @Parameter
    Map<String, String> serverSettings;

    /**
     * Roles the migrations grant to or make owners ({@code GRANT SELECT … TO app_ro}), as production
     * has them: created {@code NOLOGIN} on a server the run starts itself, before any migration. An
     * existing server must have them already: the run creates no role on a server it did not start.
     */
    @Parameter(property = "migration-profiler.roles")
    List<String> roles;

    /**
     * The PostgreSQL major to profile on (13 to 18): the embedded engine runs that major's binaries,
     * the Docker engine its official image; an existing server is what it is, and a different major
     * is warned of. Default: production's major from {@code productionStats} when that file exists,
     * else 17.
     */
    @Parameter(property = "migration-profiler.postgresVersion")
    Integer postgresVersion;

    /**
     * The PostgreSQL image for the Docker engine; any image following the official postgres image's
     * contract. Default: the official image of the PostgreSQL major the run profiles on
     * ({@code postgres:17}, or {@code postgres:15} with {@code postgresVersion} 15).
     */
    @Parameter(property = "migration-profiler.image")
    String image;

    /** Docker daemon address, e.g. {@code unix:///var/run/docker.sock}; default: {@code DOCKER_HOST} or the current Docker context. */
    @Parameter(property = "migration-profiler.dockerHost")
    String dockerHost;

    /** Keeps the Docker container, with the migrated scratch database, after the run, and prints how to connect. */
    @Parameter(property = "migration-profiler.keepContainer", defaultValue = "false")
    boolean keepContainer;

    /** Shows the kept container's password instead of masking it. */
    @Parameter(property = "migration-profiler.revealPassword", defaultValue = "false")
    boolean revealPassword;

    /**
     * Where state is kept between runs: the embedded engine's data directory, so a run starts its
     * server without initdb, and the password of the Docker engine's data volume. CI keeps it
     * between builds by caching this directory.
     */
    @Parameter(property = "migration-profiler.cacheDirectory", defaultValue = "${user.home}/.cache/migration-profiler")
    File cacheDirectory;

    /** Keep state between runs in {@code cacheDirectory}; {@code false}: every run starts from nothing. */
    @Parameter(property = "migration-profiler.cache", defaultValue = "true")
    boolean cache;

    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    List<RemoteRepository> pluginRepositories;

    /** This machine's PostgreSQL binaries, resolved only if the embedded engine starts. */
    EmbeddedBinaries embeddedBinaries() {
        return new EmbeddedBinaries(repositorySystem, repositorySession, pluginRepositories);
    }

    /** {@code null} when nothing is kept between runs. */
    Path cacheDirectory() {
        return cache && cacheDirectory != null ? cacheDirectory.toPath() : null;
    }

    DockerOptions dockerOptions() {
        return new DockerOptions(image, dockerHost, keepContainer, revealPassword, DockerOptions.DEFAULTS.pullTimeout(),
                DockerOptions.DEFAULTS.startupTimeout());
    }
}
