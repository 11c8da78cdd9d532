package io.github.migrationprofiler.stats;

import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production's row counts from the pom and the statistics file, and the file itself. */
class ProductionRowsTest {

    @TempDir
    Path dir;

    private static ProductionStats stats(long orders, Long users) {
        return new ProductionStats(ProductionStats.FORMAT_VERSION, "2026-12-01T00:00:00Z", "16.4", Map.of("work_mem", "4MB"), List.of(
                new ProductionStats.TableStats("public.orders", orders, 1 << 20, 1 << 18, 0, List.of(), List.of()),
                new ProductionStats.TableStats("public.users", users, 1 << 16, 1 << 14, 0, List.of(), List.of())));
    }

    @Test
    void thePomsCountsWinOverTheStatisticsAndNameTablesWithOrWithoutSchema() {
        ProductionRows rows = new ProductionRows(Map.of("orders", 5_000_000L), stats(40_000_000, 400_000L));

        assertThat(rows.of("public.orders")).isEqualTo(5_000_000L);
        assertThat(rows.of("public.users")).isEqualTo(400_000L);
        assertThat(rows.of("public.unknown")).isNull();
        assertThat(rows.known()).isTrue();
        assertThat(rows.describe()).isEqualTo("productionRows and the production statistics file");
        assertThat(ProductionRows.NONE.known()).isFalse();
        assertThat(new ProductionRows(Map.of(), stats(1, null)).of("public.users")).as("never analyzed").isNull();
    }

    @Test
    void seedingKeepsProductionsProportionsUnlessTheUserGaveACount() {
        SeedOptions options = SeedOptions.parse("10000", 42, 0.1, Map.of("users", 77L));
        SeedOptions shaped = new ProductionRows(Map.of(), stats(40_000_000, 400_000L)).proportions(options);

        assertThat(shaped.rowCountFor("public.orders")).contains(10_000L);
        assertThat(shaped.rowCountFor("public.users")).as("the user's own count").contains(77L);
        assertThat(new ProductionRows(Map.of(), stats(40_000_000, 4_000_000L)).proportions(SeedOptions.parse("10000", 42, 0.1, Map.of()))
                .rowCountFor("public.users")).contains(1_000L);
    }

    @Test
    void theStatisticsFileReadsBackWhatWasWrittenAndRefusesAnotherFormat() throws Exception {
        Path file = dir.resolve("production-stats.json");
        StatsFile.write(stats(40_000_000, 400_000L), file);

        assertThat(StatsFile.readIfPresent(file)).isEqualTo(stats(40_000_000, 400_000L));
        assertThat(StatsFile.readIfPresent(dir.resolve("absent.json"))).isNull();
        Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        assertThatThrownBy(() -> StatsFile.readIfPresent(file)).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("format 9").hasMessageContaining("run migration-profiler:stats again");
    }
}
