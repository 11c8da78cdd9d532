package io.github.migrationprofiler;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.profile.Profile;
import io.github.migrationprofiler.profile.Profiler;
import io.github.migrationprofiler.profile.RunResult;
import io.github.migrationprofiler.profile.Selection;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.MigrationSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;

/**
 * One profiling run, start to finish: read the migrations, start PostgreSQL, create a scratch
 * database, apply and measure, write the results, and clean up whatever happens.
 */
public final class MigrationProfiler {

    private final ProfilerLog log;

    public MigrationProfiler(ProfilerLog log) {
        this.log = log;
    }

    /**
     * Profiles the configured migrations. A migration that fails is part of the result (see
     * {@link RunResult#failures()}); problems the user must fix first are thrown as
     * {@link ProfilerException}.
     */
    public RunResult run(ProfilerConfig config) {
        // read and check everything cheap before starting a server
        MigrationSource source = MigrationSources.open(config, log);
        Selection selection = Selection.of(config.migrations());
        selection.validate(source.migrations());
        log.info("Profiling " + source.describe());
        String startedAt = Instant.now().toString();

        try (Cleanup cleanup = new Cleanup(log)) {
            PostgresServer server = cleanup.add(Engines.start(config, log));
            ScratchDatabase database = ScratchDatabase.create(server, log);
            if (server.keepsData()) {
                log.info("The scratch database " + database.name() + " stays with the kept server");
            } else {
                cleanup.add(database);
            }
            RunResult result;
            try (Connection connection = database.connect()) {
                String version = serverVersion(connection);
                log.info("PostgreSQL " + version + " (" + server.kind() + ")");
                Profile profile = new Profiler(source, selection, Seeder.NONE, log).profile(connection);
                result = RunResult.of(startedAt, new RunResult.Engine(server.kind(), version, server.image()), database.name(),
                        source.describe(), profile);
            } catch (SQLException e) {
                throw new ProfilerException("Lost the connection to " + database + ": " + e.getMessage(), e);
            }
            Path json = ResultsJson.write(result, config.outputDirectory());
            log.info(String.format(Locale.ROOT, "Profiled %d migration(s) in %.1f ms, %d failed; baseline %d",
                    result.totals().migrations(), result.totals().millis(), result.totals().failed(), result.baseline().size()));
            log.info("Results: " + json);
            return result;
        }
    }

    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
