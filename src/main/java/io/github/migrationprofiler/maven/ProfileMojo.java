package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.MigrationProfiler;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.profile.RunResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies the project's migrations to a disposable PostgreSQL holding production-scale synthetic
 * data, measures each one and writes {@code target/migration-profiler/results.json}. Fails the
 * build when a migration fails.
 */
@Mojo(name = "profile", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ProfileMojo extends AbstractProfilerMojo {

    @Override
    RunResult run(MigrationProfiler profiler, ProfilerConfig config) {
        return profiler.run(config);
    }
}
