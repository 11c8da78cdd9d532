package io.github.migrationprofiler.run;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

/**
 * The seed goal's run: every migration applied and the result seeded, reviewing none — the
 * database a person explores, kept on a server that outlives the build.
 */
public final class SeedRun {

    private final ProfilerLog log;

    public SeedRun(ProfilerLog log) {
        this.log = log;
    }

    public RunResult run(ProfilerConfig config) {
        boolean hasUrl = config.jdbcUrl() != null && !config.jdbcUrl().isBlank();
        if (config.engine() == EngineKind.EMBEDDED || !hasUrl && config.engine() == EngineKind.EXTERNAL) {
            throw new ProfilerException("The seed goal needs a server that outlives the build: a Docker container "
                    + "(kept after the run) or an existing server (-Dmigration-profiler.jdbcUrl=…). Embedded PostgreSQL "
                    + "stops with Maven.");
        }
        if (!config.seed().enabled()) {
            throw new ProfilerException("The seed goal with seed.scale=0 would leave the tables empty: choose a scale.");
        }
        return new ProfileRun(log).run(config.toBuilder()
                .engine(hasUrl ? EngineKind.EXTERNAL : EngineKind.DOCKER)
                .docker(config.docker().withKeepContainer(true))
                .keepDatabase(true)
                .build(), Selection.NONE);
    }
}
