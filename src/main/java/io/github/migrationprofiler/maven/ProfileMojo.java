package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.MigrationProfiler;
import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.profile.MigrationResult;
import io.github.migrationprofiler.profile.RunResult;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the project's migrations to a disposable PostgreSQL, measures each one and writes
 * {@code target/migration-profiler/results.json}. Fails the build when a migration fails.
 */
@Mojo(name = "profile", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ProfileMojo extends AbstractMojo {

    /** Skips profiling. */
    @Parameter(property = "migration-profiler.skip", defaultValue = "false")
    boolean skip;

    /**
     * The Liquibase changelog to profile (XML, YAML, JSON or formatted SQL), relative to the
     * project directory. When unset, {@code sqlDirectory} is used; when that does not exist either,
     * the conventional {@code src/main/resources/db/changelog/db.changelog-master.*} is looked for.
     */
    @Parameter(property = "migration-profiler.changelog")
    File changelog;

    /** Directory of plain SQL migrations, applied in Flyway version order ({@code V1__x.sql}, {@code V1.1__y.sql}, …). */
    @Parameter(property = "migration-profiler.sqlDirectory", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    File sqlDirectory;

    /**
     * Directories that Liquibase resolves changelog paths (includes, {@code includeAll}) against.
     * Defaults to the project's resource directories, then the project directory.
     */
    @Parameter
    List<File> searchPath;

    /** Liquibase contexts to run, e.g. {@code !test}. */
    @Parameter(property = "migration-profiler.contexts")
    String contexts;

    /** Liquibase label filter, e.g. {@code release-42}. */
    @Parameter(property = "migration-profiler.labels")
    String labels;

    /** Liquibase changelog parameters, as {@code <changelogParameters><schema>app</schema></changelogParameters>}. */
    @Parameter
    Map<String, String> changelogParameters;

    /**
     * The migrations under review: changeset ids, {@code author:id}, SQL file names or globs
     * ({@code V12__*}). Everything ordered before the first selected migration is applied first as
     * the baseline. Empty: every migration is under review.
     */
    @Parameter(property = "migration-profiler.migrations")
    List<String> migrations;

    /**
     * Where PostgreSQL comes from: {@code auto} (external when {@code jdbcUrl} is set, else Docker
     * when a daemon answers, else embedded), {@code docker}, {@code embedded} or {@code external}.
     */
    @Parameter(property = "migration-profiler.engine", defaultValue = "auto")
    String engine;

    /**
     * JDBC URL of an existing server for the external engine, e.g.
     * {@code jdbc:postgresql://localhost:5432/postgres}. The run creates and drops its own
     * database there ({@code test_migration_<timestamp>_<random>}) and touches no other.
     */
    @Parameter(property = "migration-profiler.jdbcUrl")
    String jdbcUrl;

    /** Id of a {@code settings.xml} {@code <server>} holding the external server's username and password. */
    @Parameter(property = "migration-profiler.serverId")
    String serverId;

    /** User for the external server, when no {@code serverId} is set (also env {@code MIGRATION_PROFILER_USERNAME}). */
    @Parameter(property = "migration-profiler.username")
    String username;

    /**
     * Password for the external server, when no {@code serverId} is set. Prefer the environment
     * variable {@code MIGRATION_PROFILER_PASSWORD} or a settings.xml server: never put it in the pom.
     */
    @Parameter(property = "migration-profiler.password")
    String password;

    /**
     * PostgreSQL settings for servers the run starts itself, to mirror production, e.g.
     * {@code <serverSettings><maintenance_work_mem>256MB</maintenance_work_mem></serverSettings>}.
     */
    @Parameter
    Map<String, String> serverSettings;

    /** The PostgreSQL image for the Docker engine; any image following the official postgres image's contract. */
    @Parameter(property = "migration-profiler.image", defaultValue = DockerOptions.DEFAULT_IMAGE)
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

    /** Where results are written. */
    @Parameter(property = "migration-profiler.outputDirectory", defaultValue = "${project.build.directory}/migration-profiler")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping migration profiling (migration-profiler.skip)");
            return;
        }
        RunResult result;
        try {
            result = new MigrationProfiler(new MavenProfilerLog(getLog())).run(config());
        } catch (ProfilerException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<MigrationResult> failures = result.failures();
        if (!failures.isEmpty()) {
            throw new MojoFailureException("Migration failed: " + failures.stream()
                    .map(MigrationResult::failureSummary).collect(Collectors.joining("\n  ")));
        }
    }

    private ProfilerConfig config() throws MojoExecutionException {
        Path baseDir = project.getBasedir().toPath();
        return ProfilerConfig.builder(baseDir)
                .changelog(changelog == null ? null : changelog.toPath())
                .sqlDirectory(sqlDirectory.toPath())
                .searchPath(searchPath != null ? searchPath.stream().map(File::toPath).toList() : defaultSearchPath(baseDir))
                .contexts(contexts)
                .labels(labels)
                .changelogParameters(changelogParameters == null ? Map.of() : changelogParameters)
                .migrations(migrations == null ? List.of() : migrations)
                .engine(parseEngine())
                .jdbcUrl(jdbcUrl)
                .credentials(ServerCredentials.resolve(serverId, settings, decrypter, username, password, System.getenv()))
                .serverSettings(serverSettings == null ? Map.of() : serverSettings)
                .docker(new DockerOptions(image, dockerHost, keepContainer, revealPassword,
                        DockerOptions.DEFAULTS.pullTimeout(), DockerOptions.DEFAULTS.startupTimeout()))
                .outputDirectory(outputDirectory.toPath())
                .build();
    }

    private List<Path> defaultSearchPath(Path baseDir) {
        List<Path> paths = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            paths.add(baseDir.resolve(resource.getDirectory()));
        }
        paths.add(baseDir);
        return paths;
    }

    private EngineKind parseEngine() throws MojoExecutionException {
        try {
            return EngineKind.parse(engine);
        } catch (ProfilerException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
