package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What people write in a pom, read into values, and what they are told when it cannot be read. */
class ParametersTest {

    @Test
    void rowCountsComeFromElementsAndTheCommandLineListWithoutQuotes() {
        assertThat(Parameters.rowCounts(Map.of("users", "50_000"), "audit_log=0, \"Order Lines\"=500"))
                .containsEntry("users", 50_000L).containsEntry("audit_log", 0L).containsEntry("Order Lines", 500L);
        assertThat(Parameters.rowCounts(Map.of(), null)).isEmpty();
    }

    @Test
    void aRowCountThatIsNoNumberNamesTheParameterAndTheTable() {
        assertThatThrownBy(() -> Parameters.counts("productionRows", Map.of("orders", "many")))
                .isInstanceOf(ProfilerException.class).hasMessage("productionRows: the row count of orders must be a number of rows, got 'many'");
        assertThatThrownBy(() -> Parameters.rowCounts(Map.of(), "orders"))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("table=rows pairs");
    }

    @Test
    void projectionSizesAreFractionsOrNone() {
        assertThat(Parameters.fractions("0.25, 0.5")).containsExactly(0.25, 0.5);
        assertThat(Parameters.fractions("none")).isEmpty();
        assertThat(Parameters.fractions(" ")).isEmpty();
        assertThatThrownBy(() -> Parameters.fractions("0.25,half")).isInstanceOf(ProfilerException.class).hasMessageContaining("'half'");
        assertThatThrownBy(() -> ProfilerConfig.builder(Path.of(".")).projectionSizes(List.of(1.5)))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("between 0 and 1");
        assertThat(ProfilerConfig.builder(Path.of(".")).projectionSizes(List.of(0.5, 0.25, 0.5)).build().projectionSizes())
                .containsExactly(0.25, 0.5);
    }

    @Test
    void durationsReadAsPeopleWriteThemAndSayWhichParameterIsWrong() {
        assertThat(Durations.parse("timeout", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("timeout", "1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("timeout", "PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> Durations.parse("warnSmall", "soon")).isInstanceOf(ProfilerException.class)
                .hasMessage("warnSmall must be a duration such as 250ms, 30s, 5m or 1h, got 'soon'");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1.5 min");
        assertThat(Durations.spoken(208_000)).isEqualTo("3 min 28 s");
    }

    @Test
    void gateAndTrafficOptionsParseTheirLines() {
        GateOptions gate = GateOptions.parse("30s", "5m", "5m", "10m", "", "15m", "2s", "30s");
        assertThat(gate.totalCritical()).isNull();
        assertThat(gate.critical()).isEqualTo(Duration.ofMinutes(10));
        assertThat(GateOptions.parse("30s", "5m", "5m", "10m", "20m", "15m", "2s", "30s").totalCritical())
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(TrafficOptions.parse(true, 4, 50, "0", "100ms", null).longQuery()).isZero();
        assertThat(TrafficOptions.parse(true, 4, 50, "3s", "0", null).longQuery()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> TrafficOptions.parse(true, 4, 50, "3 seconds", "100ms", null)).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("trafficLongQuery");
    }

    @Test
    void anEngineNameIsOneOfFour() {
        assertThat(EngineKind.parse("Docker")).isEqualTo(EngineKind.DOCKER);
        assertThatThrownBy(() -> EngineKind.parse("podman")).isInstanceOf(ProfilerException.class).hasMessageContaining("podman");
    }

    @Test
    void parallelismIsTheAvailableProcessorsUnlessGivenAndNeverBelowOne() {
        assertThat(ProfilerConfig.builder(Path.of(".")).parallelism(null).build().parallelism())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(ProfilerConfig.builder(Path.of(".")).parallelism(3).build().parallelism()).isEqualTo(3);
        assertThatThrownBy(() -> ProfilerConfig.builder(Path.of(".")).parallelism(0).build()).isInstanceOf(ProfilerException.class)
                .hasMessage("migration-profiler.parallelism must be 1 or more, not 0");
    }
}
