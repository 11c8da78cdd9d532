package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.analysis.Gate;
import io.github.migrationprofiler.config.Parameters;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.run.MatrixRun;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Applies the project's migrations to a disposable PostgreSQL holding production-scale synthetic
 * data, measures each one and writes {@code target/migration-profiler/results.json}. Fails the
 * build when a migration fails.
 */
@Mojo(name = "profile", requiresDependencyResolution = ResolutionScope.RUNTIME, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ProfileMojo extends AbstractMigrationsMojo {

    /**
     * Profile on each of these PostgreSQL majors in turn, e.g. {@code 14,17}, and report per
     * migration what differs between them (failures, rewrites, lock modes, findings, runtimes
     * beyond noise). The first major's results are the run's; each major's reports are also in
     * {@code postgres-<major>/} of {@code outputDirectory}. Every major's verdict counts for the build.
     */
    @Parameter(property = "migration-profiler.postgresVersions")
    String postgresVersions;

    /**
     * Undo each reviewed migration on a copy of the state just after it, as the project would
     * (Liquibase's rollback, Flyway's {@code U<version>__} file, a {@code .down.sql} beside a SQL
     * file), compare the schema with the one before the migration and apply the migration again.
     * Unset: when migrations are selected ({@code since}, {@code migrations}) or at most 50 are under review.
     */
    @Parameter(property = "migration-profiler.rollback")
    Boolean rollback;

    /** A reviewed migration without an undo (no {@code <rollback>} Liquibase can use, no undo file) is a warning, not information. */
    @Parameter(property = "migration-profiler.requireRollback", defaultValue = "false")
    boolean requireRollback;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        ProfilerConfig config;
        List<Integer> majors;
        try {
            config = config().toBuilder().rollback(rollback).requireRollback(requireRollback).build();
            majors = PostgresVersion.matrix(postgresVersions, config.postgresVersion());
        } catch (ProfilerException mistake) {
            ProfileRun.reportConfigurationError(mistake, outputs(), log()); // every outcome leaves the reports
            throw mistake;
        }
        if (majors.isEmpty()) {
            conclude(outcome(new ProfileRun(log()).run(config)));
            return;
        }
        List<RunResult> runs = new MatrixRun(log()).run(config, majors);
        conclude(Gate.Outcome.all(IntStream.range(0, runs.size())
                .mapToObj(i -> outcome(runs.get(i)).on("PostgreSQL " + majors.get(i))).toList()));
    }

    /** Where the reports go, and nothing else: for the report of a configuration that cannot be read. */
    private ProfilerConfig outputs() {
        return ProfilerConfig.builder(project.getBasedir().toPath()).outputDirectory(outputDirectory.toPath())
                .reportsDirectory(reportsDirectory.toPath()).stepSummary(Parameters.stepSummary()).build();
    }
}
