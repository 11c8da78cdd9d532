package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.run.StatsRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
public class StatsMojo extends AbstractConnectingMojo {

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

    @Override
    void run() throws MojoExecutionException {
        new StatsRun(log()).run(jdbcUrl, credentials(), statsSchemas == null ? Set.of() : Set.copyOf(statsSchemas),
                includeValues && valueColumns != null ? Set.copyOf(valueColumns) : Set.of(), productionStats.toPath());
    }
}
