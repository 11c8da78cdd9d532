package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.MigrationProfiler;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.profile.RunResult;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies every migration and fills the tables with production-scale synthetic data, in a
 * database that stays for a person to explore: a kept Docker container (connection details are
 * printed, password masked) or a new database on the server named by {@code jdbcUrl}.
 * {@code mvn migration-profiler:seed -Dseed.scale=large}
 */
@Mojo(name = "seed", threadSafe = true)
public class SeedMojo extends AbstractProfilerMojo {

    @Override
    RunResult run(MigrationProfiler profiler, ProfilerConfig config) {
        return profiler.seed(config);
    }
}
