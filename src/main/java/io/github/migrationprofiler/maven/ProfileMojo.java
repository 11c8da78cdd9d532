package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.Parameters;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the project's migrations to a disposable PostgreSQL holding production-scale synthetic
 * data, measures each one and writes {@code target/migration-profiler/results.json}. Fails the
 * build when a migration fails.
 */
@Mojo(name = "profile", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ProfileMojo extends AbstractMigrationsMojo {

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        ProfilerConfig config;
        try {
            config = config();
        } catch (ProfilerException mistake) {
            ProfileRun.reportConfigurationError(mistake, outputs(), log()); // every outcome leaves the reports
            throw mistake;
        }
        conclude(new ProfileRun(log()).run(config));
    }

    /** Where the reports go, and nothing else: for the report of a configuration that cannot be read. */
    private ProfilerConfig outputs() {
        return ProfilerConfig.builder(project.getBasedir().toPath()).outputDirectory(outputDirectory.toPath())
                .reportsDirectory(reportsDirectory.toPath()).stepSummary(Parameters.stepSummary()).build();
    }
}
