package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.analysis.Gate;
import io.github.migrationprofiler.run.CompareRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Compares the runtimes of the last profile ({@code results.json}) with a baseline run's, e.g. one
 * saved from the main branch: writes the comparison into results.json, summary.md and report.html
 * and fails the build on a regression beyond {@code failOnRegression}. The profile goal does the
 * same by itself when {@code migration-profiler.baseline} is set.
 */
@Mojo(name = "compare", threadSafe = true)
public class CompareMojo extends AbstractProfilerMojo {

    /** The results to compare, as written by the profile goal. */
    @Parameter(property = "migration-profiler.resultsFile", defaultValue = "${project.build.directory}/migration-profiler/results.json")
    File resultsFile;

    /** The {@code results.json} of the run to compare with, e.g. one saved as an artifact from the main branch. */
    @Parameter(property = "migration-profiler.baseline")
    File baseline;

    /**
     * Fail the build when a migration's runtime regressed by more than this many percent (beyond
     * the noise). Unset: regressions are only warned of.
     */
    @Parameter(property = "migration-profiler.failOnRegression")
    Double failOnRegression;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (baseline == null) {
            throw new MojoExecutionException("The compare goal needs a baseline: -Dmigration-profiler.baseline=<results.json of the "
                    + "run to compare with>");
        }
        conclude(Gate.regressions(new CompareRun(log()).run(resultsFile.toPath(), baseline.toPath()), failOnRegression));
    }
}
