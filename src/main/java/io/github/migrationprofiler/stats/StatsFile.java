package io.github.migrationprofiler.stats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** The production statistics file a team commits: written by the stats goal, read by profile and seed. */
public final class StatsFile {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private StatsFile() {
    }

    /** Reads production's statistics from the server at {@code jdbcUrl} into {@code file}. */
    public static ProductionStats collect(String jdbcUrl, Credentials credentials, Set<String> schemas, Set<String> valueColumns,
                                          Path file, ProfilerLog log) {
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
        write(stats, file);
        long columns = stats.tables().stream().mapToLong(t -> t.columns().size()).sum();
        log.info(String.format(java.util.Locale.ROOT, "Statistics of %d table(s) and %d column(s) from PostgreSQL %s (%s): %s",
                stats.tables().size(), columns, stats.serverVersion(), server, file));
        stats.tables().stream().filter(t -> t.rows() == null).findFirst().ifPresent(t -> log.warn(
                "Some tables were never analyzed (no row estimate, no column statistics), e.g. " + t.table()
                        + ": run ANALYZE on production, or let autovacuum do it, and read again"));
        return stats;
    }

    public static void write(ProductionStats stats, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), stats);
        } catch (IOException e) {
            throw new ProfilerException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's statistics, or {@code null} when there is no file. */
    public static ProductionStats readIfPresent(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            ProductionStats stats = MAPPER.readValue(file.toFile(), ProductionStats.class);
            if (stats.formatVersion() != ProductionStats.FORMAT_VERSION) {
                throw new ProfilerException(file + " is production statistics format " + stats.formatVersion() + "; this plugin reads "
                        + ProductionStats.FORMAT_VERSION + ": run migration-profiler:stats again");
            }
            return stats;
        } catch (IOException e) {
            throw new ProfilerException("Cannot read production statistics " + file + ": " + e.getMessage(), e);
        }
    }
}
