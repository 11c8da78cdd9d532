package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.run.SeedRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies every migration and fills the tables with production-scale synthetic data, in a
 * database that stays for a person to explore: a kept Docker container (connection details are
 * printed, password masked) or a new database on the server named by {@code jdbcUrl}.
 * {@code mvn migration-profiler:seed -Dseed.scale=large}
 */
@Mojo(name = "seed", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SeedMojo extends AbstractMigrationsMojo {

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        conclude(outcome(new SeedRun(log()).run(config())));
    }
}
