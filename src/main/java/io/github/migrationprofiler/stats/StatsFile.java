package io.github.migrationprofiler.stats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The production statistics file a team commits: written by the stats goal, read by profile and seed. */
public final class StatsFile {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private StatsFile() {
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
