package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.stats.StatsFile;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.util.List;
import java.util.Set;

/**
 * Reads production's statistics — row counts, sizes, and per column the shape {@code pg_stats}
 * knows (null share, distinct values, width, physical order, skew), plus the settings that change
 * migration runtimes — into a file the team commits; profile and seed then shape their data and
 * server like production. No table row and, by default, no value leaves production: one
 * read-only transaction on catalog and statistics views, with short timeouts.
 * {@code mvn migration-profiler:stats -Dmigration-profiler.jdbcUrl=jdbc:postgresql://prod/app -Dmigration-profiler.serverId=prod-readonly}
 */
@Mojo(name = "stats", requiresProject = false, threadSafe = true)
public class StatsMojo extends AbstractMojo {

    /** The production (or staging) server to read, e.g. {@code jdbc:postgresql://db.internal:5432/app}. */
    @Parameter(property = "migration-profiler.jdbcUrl")
    String jdbcUrl;

    /** Id of a {@code settings.xml} {@code <server>} holding a read-only user's name and password. */
    @Parameter(property = "migration-profiler.serverId")
    String serverId;

    /** User, when no {@code serverId} is set (also env {@code MIGRATION_PROFILER_USERNAME}). */
    @Parameter(property = "migration-profiler.username")
    String username;

    /** Password, when no {@code serverId} is set: prefer env {@code MIGRATION_PROFILER_PASSWORD} or settings.xml. */
    @Parameter(property = "migration-profiler.password")
    String password;

    /** Where the statistics go: a file to commit, which profile and seed read. */
    @Parameter(property = "migration-profiler.productionStats",
            defaultValue = "${basedir}/src/main/migration-profiler/production-stats.json")
    File productionStats;

    /** The schemas to read; empty: every schema but the system ones. */
    @Parameter(property = "migration-profiler.statsSchemas")
    List<String> statsSchemas;

    /**
     * Also copy the most common values and histogram bounds of the columns in {@code valueColumns}
     * (status codes, enums stored as text): values, so off by default.
     */
    @Parameter(property = "migration-profiler.includeValues", defaultValue = "false")
    boolean includeValues;

    /** With {@code includeValues}: the columns, as {@code table.column} or {@code schema.table.column}. */
    @Parameter(property = "migration-profiler.valueColumns")
    List<String> valueColumns;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            StatsFile.collect(jdbcUrl, ServerCredentials.resolve(serverId, settings, decrypter, username, password, System.getenv()),
                    statsSchemas == null ? Set.of() : Set.copyOf(statsSchemas),
                    includeValues && valueColumns != null ? Set.copyOf(valueColumns) : Set.of(), productionStats.toPath(),
                    new MavenProfilerLog(getLog()));
        } catch (ProfilerException e) {
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        }
    }
}
