package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.rules.Rules;
import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.FailOn;
import io.github.migrationprofiler.config.GateOptions;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.TrafficHold;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GateTest {

    private final Gate gate = new Gate(GateOptions.DEFAULTS);

    /** A migration with its rollback and what the rollback rules find of it, as the rollback pass leaves it. */
    private static RunResult withRollback(Rollback rollback, String migrationText) {
        List<Finding> findings = Analyzer.of(Set.of(), false, Rules.Lines.DEFAULTS).analyze(rollback, migrationText);
        MigrationResult m = new MigrationResult("V2__x.sql", null, "db/V2__x.sql", 1, Status.PASSED, 3, 0, List.of(), null, List.of(),
                Kind.SMALL, List.of(), null, List.of(), null).withRollback(rollback, findings);
        return RunResult.of("2026-12-06T10:00:00Z", null, "db", "SQL directory db", new Profile(List.of(), List.of(m)), null);
    }

    private static RunResult withRollback(Rollback rollback) {
        return withRollback(rollback, "ALTER TABLE items ADD COLUMN note text;");
    }

    @Test
    void aRollbackThatFailsOrLeavesAnotherSchemaIsAWarningAndNoUndoOnlyWhenRequired() {
        Rollback incomplete = new Rollback(Rollback.Status.INCOMPLETE, "db/U2__x.sql", 2.0, false,
                List.of("still there: index public.items_note"), List.of(), null, null, null, null, List.of(), List.of(), null, null, null);
        Rollback failed = new Rollback(Rollback.Status.FAILED, "db/U2__x.sql", null, null, List.of(), List.of(),
                "the undo failed: column \"cost\" of relation \"items\" does not exist", null, null, null, List.of(), List.of(), null, null, null);
        Rollback missing = Rollback.notReversible("no undo file U2__….sql beside db/V2__x.sql");
        Rollback reversed = new Rollback(Rollback.Status.REVERSED, "db/U2__x.sql", 2.0, true, List.of(),
                List.of("table public.items: 500 rows"), null, null, null, null, List.of(), List.of(), null, null, null);

        assertThat(gate.judge(withRollback(incomplete)).migrations().get(0)).satisfies(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(m.reasons()).containsExactly("finding rollback-incomplete (warning)");
            assertThat(m.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("The rollback (db/U2__x.sql) "
                    + "left another schema than the one before the migration: still there: index public.items_note"));
        });
        assertThat(gate.judge(withRollback(failed)).migrations().get(0)).satisfies(m -> {
            assertThat(m.reasons()).containsExactly("finding rollback-failed (error)");
            assertThat(m.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("The rollback (db/U2__x.sql) "
                    + "failed on the state the migration leaves: column \"cost\" of relation \"items\" does not exist"));
        });
        assertThat(gate.judge(withRollback(reversed)).migrations().get(0)).as("dropping what it made is its job, said as information")
                .satisfies(m -> {
                    assertThat(m.verdict()).isEqualTo(Verdict.OK);
                    assertThat(m.findings()).extracting(f -> f.rule().id(), Finding::severity)
                            .containsExactly(tuple("rollback-loses-data", Severity.INFO));
                });
        assertThat(gate.judge(withRollback(incomplete, "-- migration-profiler:ignore rollback-incomplete\nALTER TABLE items ADD c int;"))
                .migrations().get(0).verdict()).as("silenced by the migration's comment").isEqualTo(Verdict.OK);
        assertThat(gate.judge(withRollback(missing)).migrations().get(0).verdict()).isEqualTo(Verdict.OK);
        assertThat(new Gate(GateOptions.DEFAULTS, true).judge(withRollback(missing)).migrations().get(0)).satisfies(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(m.reasons()).containsExactly("rollback missing (requireRollback): no undo file U2__….sql beside db/V2__x.sql");
        });
    }

    @Test
    void anUndoIsJudgedByItsProjectionLikeAMigration() {
        // an undo that changes a type back, rewriting 100,000 rows in 600 ms: about 10 min at production's 100 million
        Projection rewrite = ProjectionFit.fit(Projection.Model.LINEAR, "public.items",
                List.of(new Projection.Point(25_000, 150), new Projection.Point(50_000, 300), new Projection.Point(100_000, 600)),
                100_000_000L);
        Rollback slow = new Rollback(Rollback.Status.REVERSED, "db/U2__x.sql", 600.0, true, List.of(), List.of(), null, null, null,
                Kind.LARGE, List.of(), List.of(), null, null, rewrite);

        MigrationResult judged = gate.judge(withRollback(slow)).migrations().get(0);

        assertThat(judged.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(judged.reasons()).singleElement().asString().startsWith("rollback would run about ")
                .contains("at production's 100,000,000 rows (projected)");
    }

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
    void aMigrationWithAWarningOrErrorFindingIsNeverOkAndInformationChangesNothing() {
        Finding rewrite = new Finding(RuleId.TABLE_REWRITE, Severity.ERROR, "m", "r");
        Finding missing = new Finding(RuleId.MISSING_LOCK_TIMEOUT, Severity.WARNING, "m", "r");
        Finding retry = new Finding(RuleId.LOCK_TIMEOUT_RETRY, Severity.INFO, "m", "r");

        Gate.Judgement judged = gate.judge(false, null, 5, Kind.LARGE, List.of(rewrite, missing, retry));
        assertThat(judged.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(judged.reasons()).containsExactly("findings table-rewrite (error), missing-lock-timeout (warning)");
        assertThat(gate.judge(false, null, 5, Kind.SMALL, List.of(retry)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void theTotalLineIsOptIn() {
        GateOptions strict = new GateOptions(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(15));

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
    void aLockHeldWhileTrafficWaitsIsCriticalOverTheTrafficCriticalLine() {
        TrafficHold brief = new TrafficHold("public.t", "public.t", LockMode.ACCESS_EXCLUSIVE, 2_900, false);
        assertThat(gate.judge(false, null, 5, null, brief, Kind.SMALL, List.of()).verdict())
                .as("the warning line is traffic-blocked's, a finding").isEqualTo(Verdict.OK);
        TrafficHold projected = new TrafficHold("public.t_idx", "public.t", LockMode.ACCESS_EXCLUSIVE, 35_000, true);
        Gate.Judgement critical = gate.judge(false, null, 40, null, projected, Kind.LARGE, List.of());
        assertThat(critical.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(critical.reasons()).containsExactly("held ACCESS EXCLUSIVE on index public.t_idx of public.t for 35.0 s (at "
                + "production's rows, projected) while the traffic's queries waited, over the traffic critical line of 30 s");
    }

    @Test
    void failOnDecidesWhichVerdictsFailTheBuild() {
        Finding rewrite = new Finding(RuleId.TABLE_REWRITE, Severity.ERROR, "m", "r");
        Finding missing = new Finding(RuleId.MISSING_LOCK_TIMEOUT, Severity.WARNING, "m", "r");
        RunResult run = new RunResult(1, null, null, null, null, List.of(), List.of(judged("V1", rewrite), judged("V2", missing)), null,
                null, null, null, null, null, List.of(), null);

        assertThat(Gate.outcome(run, FailOn.CRITICAL, null).failures()).isEmpty();
        assertThat(Gate.outcome(run, FailOn.ERROR, null).failures()).singleElement().asString().contains("V1");
        assertThat(Gate.outcome(run, FailOn.WARNING, null).failures()).hasSize(2);
        assertThat(Gate.outcome(run, FailOn.NONE, null).warnings()).hasSize(2);
        assertThatThrownBy(() -> FailOn.parse("errors")).hasMessage("failOn must be one of none, critical, error, warning, got 'errors'");
    }

    private MigrationResult judged(String id, Finding finding) {
        Gate.Judgement judgement = gate.judge(false, null, 5, Kind.SMALL, List.of(finding));
        return new MigrationResult(id, null, id + ".sql", 1, Status.PASSED, 5, 0, List.of(), null, List.of(), Kind.SMALL,
                List.of(finding), judgement.verdict(), judgement.reasons(), null);
    }
}
