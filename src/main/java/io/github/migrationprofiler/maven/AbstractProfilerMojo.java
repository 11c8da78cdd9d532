package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.analysis.Gate;
import io.github.migrationprofiler.support.ProfilerException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal does the same way: {@code skip}, and the translation of the core's outcome into
 * Maven's terms. A goal binds its parameters, calls the core in {@link #run()} and nothing else.
 */
abstract class AbstractProfilerMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "migration-profiler.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (migration-profiler.skip)");
            return;
        }
        try {
            run();
        } catch (ProfilerException e) {
            // the message says it all; Maven would append every cause's message to it, so the causes go to -X
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** The goal's call into the core; a {@link ProfilerException} says what the user must fix. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The core's log, written to Maven's. */
    MavenProfilerLog log() {
        return new MavenProfilerLog(getLog());
    }

    /** Warns of what the gate only warns of, and fails the build with what fails it. */
    void conclude(Gate.Outcome outcome) throws MojoFailureException {
        outcome.warnings().forEach(getLog()::warn);
        if (!outcome.failures().isEmpty()) {
            throw new MojoFailureException(String.join("\n", outcome.failures()));
        }
    }
}
