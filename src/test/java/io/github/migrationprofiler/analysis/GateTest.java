package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.GateOptions;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateTest {

    private final Gate gate = new Gate(GateOptions.DEFAULTS);

    @Test
    void theBriefsLinesByKind() {
        assertThat(gate.judge(false, null, 29_999, Kind.SMALL, List.of()).verdict()).isEqualTo(Verdict.OK);
        assertThat(gate.judge(false, null, 30_000, Kind.SMALL, List.of()).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(gate.judge(false, null, 4 * 60_000, Kind.MEDIUM, List.of()).verdict()).isEqualTo(Verdict.OK);
        assertThat(gate.judge(false, null, 5 * 60_000, Kind.LARGE, List.of()).verdict()).isEqualTo(Verdict.WARNING);
        Gate.Judgement critical = gate.judge(false, null, 10 * 60_000, Kind.SMALL, List.of());
        assertThat(critical.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(critical.reasons()).containsExactly("ran 10 min 0 s, over the critical line of 10 min");
    }

    @Test
    void sqlErrorsFailAndTimeoutsAreCritical() {
        assertThat(gate.judge(true, "42P01", 1, Kind.SMALL, List.of()).verdict()).isEqualTo(Verdict.FAILED);
        Gate.Judgement timeout = gate.judge(true, Gate.QUERY_CANCELED, 900_000, null, List.of());
        assertThat(timeout.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(timeout.reasons().get(0)).startsWith("cancelled after 15 min by the timeout (statement_timeout)");
    }

    @Test
    void errorFindingsAndTheTotalLineAreOptIn() {
        Finding rewrite = new Finding(RuleId.TABLE_REWRITE, Severity.ERROR, "m", "r");
        GateOptions strict = new GateOptions(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(1), true, Duration.ofMinutes(15));

        assertThat(gate.judge(false, null, 5, Kind.LARGE, List.of(rewrite)).verdict()).isEqualTo(Verdict.OK);
        assertThat(new Gate(strict).judge(false, null, 5, Kind.LARGE, List.of(rewrite)).verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(gate.judgeTotal(1e9).verdict()).isEqualTo(Verdict.OK);
        assertThat(new Gate(strict).judgeTotal(61_000).reasons()).containsExactly("all migrations together ran 1 min 1 s, over the total critical line of 1 min");
    }

    @Test
    void durationsReadAsWritten() {
        assertThat(Durations.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("x", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("x", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("x", "1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("x", "PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1.5 min");
        assertThatThrownBy(() -> Durations.parse("migration-profiler.critical", "10"))
                .isInstanceOf(ProfilerException.class).hasMessage("migration-profiler.critical must be a duration such as 250ms, 30s, 5m or 1h, got '10'");
    }

    @Test
    void measuredDurationsAreSpokenInTheirOwnUnit() {
        assertThat(Durations.spoken(412.4)).isEqualTo("412 ms");
        assertThat(Durations.spoken(2_940)).isEqualTo("2.9 s");
        assertThat(Durations.spoken(208_400)).isEqualTo("3 min 28 s");
        assertThat(Durations.spoken(7_500_000)).isEqualTo("2 h 5 min");
    }

    @Test
    void queriesWaitingOnTheMigrationsLocksCrossTheTrafficLines() {
        assertThat(gate.judge(false, null, 5, null, 1_999, Kind.SMALL, List.of()).verdict()).isEqualTo(Verdict.OK);
        Gate.Judgement warning = gate.judge(false, null, 5, null, 2_900, Kind.SMALL, List.of());
        assertThat(warning.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(warning.reasons()).containsExactly("a query waited 2.9 s on its locks in the traffic pass, over the traffic warning "
                + "line of 2 s");
        assertThat(gate.judge(false, null, 5, null, 30_000, Kind.SMALL, List.of()).verdict()).isEqualTo(Verdict.CRITICAL);

        Projection projected = ProjectionFit.fit(Projection.Model.LINEAR, "t", List.of(new Projection.Point(10_000, 10),
                new Projection.Point(20_000, 20), new Projection.Point(40_000, 40)), 4_000_000).withLock(4_000, "ACCESS EXCLUSIVE");
        assertThat(gate.judge(false, null, 40, projected, 35_000, Kind.LARGE, List.of()).reasons())
                .contains("a query waited 35.0 s on its locks (at production's size, projected), over the traffic critical line of 30 s");
    }
}
