package io.github.migrationprofiler.run;

import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.catalog.StatsReader;
import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.stats.StatsFile;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** The stats goal's run: production's statistics read from its server into the file a team commits. */
public final class StatsRun {

    private final ProfilerLog log;

    public StatsRun(ProfilerLog log) {
        this.log = log;
    }

    /**
     * @param schemas      the schemas to read; empty: every schema but the system ones
     * @param valueColumns {@code table.column} names whose most common values may be copied
     * @param file         where the statistics go
     */
    public ProductionStats run(String jdbcUrl, Credentials credentials, Set<String> schemas, Set<String> valueColumns, Path file) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new ProfilerException("The stats goal reads production's statistics from a server: set migration-profiler.jdbcUrl "
                    + "(and migration-profiler.serverId for its credentials)");
        }
        PostgresServer server = Engines.existing(jdbcUrl, credentials);
        ProductionStats stats;
        try (Connection connection = server.connect(server.maintenanceDatabase())) {
            stats = new StatsReader(schemas, valueColumns).read(connection);
        } catch (SQLException e) {
            throw new ProfilerException("Cannot read production statistics from " + server + ": " + e.getMessage(), e);
        }
        StatsFile.write(stats, file);
        long columns = stats.tables().stream().mapToLong(t -> t.columns().size()).sum();
        log.info(String.format(Locale.ROOT, "Statistics of %d table(s) and %d column(s) from PostgreSQL %s (%s): %s",
                stats.tables().size(), columns, stats.serverVersion(), server, file));
        stats.tables().stream().filter(t -> t.rows() == null).findFirst().ifPresent(t -> log.warn(
                "Some tables were never analyzed (no row estimate, no column statistics), e.g. " + t.table()
                        + ": run ANALYZE on production, or let autovacuum do it, and read again"));
        return stats;
    }
}
