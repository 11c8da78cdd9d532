package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.profile.RunResult;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/** What the goals that compare runtimes with a baseline run share: the baseline, and when a regression fails the build. */
abstract class AbstractComparingMojo extends AbstractMojo {

    /**
     * A {@code results.json} of an earlier run to compare the runtimes with, e.g. one saved as an
     * artifact from the main branch: the reports then show each migration's baseline and current
     * runtime, and whether it improved, regressed or stayed within the noise.
     */
    @Parameter(property = "migration-profiler.baseline")
    File baseline;

    /**
     * With {@code baseline}: fail the build when a migration's runtime regressed by more than this
     * many percent (beyond the noise). Unset: never fail on a regression.
     */
    @Parameter(property = "migration-profiler.failOnRegression")
    Double failOnRegression;

    /** The lines that fail the build: regressions beyond failOnRegression; without it, regressions are only logged. */
    List<String> regressions(RunResult result) {
        if (result.comparison() == null) {
            return List.of();
        }
        if (failOnRegression == null) {
            result.comparison().regressionsBeyond(0).forEach(line -> getLog().warn(line + " (failOnRegression unset)"));
            return List.of();
        }
        return result.comparison().regressionsBeyond(failOnRegression);
    }
}
