package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.MigrationProfiler;
import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.profile.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Compares the runtimes of the last profile ({@code results.json}) with a baseline run's, e.g. one
 * saved from the main branch: writes the comparison into results.json, summary.md and report.html
 * and fails the build on a regression beyond {@code failOnRegression}. The profile goal does the
 * same by itself when {@code migration-profiler.baseline} is set.
 */
@Mojo(name = "compare", threadSafe = true)
public class CompareMojo extends AbstractComparingMojo {

    /** The results to compare, as written by the profile goal. */
    @Parameter(property = "migration-profiler.resultsFile", defaultValue = "${project.build.directory}/migration-profiler/results.json")
    File resultsFile;

    @Parameter(property = "migration-profiler.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (migration-profiler.skip)");
            return;
        }
        if (baseline == null) {
            throw new MojoExecutionException("The compare goal needs a baseline: -Dmigration-profiler.baseline=<results.json of the "
                    + "run to compare with>");
        }
        RunResult result;
        try {
            result = new MigrationProfiler(new MavenProfilerLog(getLog())).compareFiles(resultsFile.toPath(), baseline.toPath());
        } catch (ProfilerException e) {
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        }
        List<String> regressed = regressions(result);
        if (!regressed.isEmpty()) {
            throw new MojoFailureException(String.join("\n", regressed));
        }
    }
}
