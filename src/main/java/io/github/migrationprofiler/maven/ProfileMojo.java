package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.run.ProfileRun;
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
        conclude(new ProfileRun(log()).run(config()));
    }
}
