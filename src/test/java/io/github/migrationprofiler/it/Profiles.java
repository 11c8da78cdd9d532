package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.report.ResultsSchema;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the profile goal's run as the integration tests do, and checks the results.json it leaves, whatever the outcome. */
public final class Profiles {

    private Profiles() {
    }

    public static RunResult profile(ProfilerConfig config) {
        return profile(config, ProfilerLog.SILENT);
    }

    public static RunResult profile(ProfilerConfig config, ProfilerLog log) {
        try {
            return new ProfileRun(log).run(config);
        } finally {
            Path written = config.outputDirectory().resolve(ResultsJson.FILE_NAME);
            if (Files.isRegularFile(written)) {
                ResultsSchema.assertValid(written);
            }
        }
    }
}
