package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.analysis.Analyzer;
import io.github.migrationprofiler.analysis.rules.Rules;
import io.github.migrationprofiler.result.Iterations;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.stats.ProductionRows;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How the judgement puts the passes' parts together: which runtime stands, and what the result says when one is missing. */
class JudgementTest {

    private static final Migration V2 = new Migration("V2__backfill.sql", null, "db/V2__backfill.sql", 1);

    /** A source that only knows its migration's text: the judgement reads nothing else of it. */
    private static final MigrationSource SOURCE = new MigrationSource() {
        @Override public String describe() { return "one file"; }
        @Override public List<Migration> migrations() { return List.of(V2); }
        @Override public void apply(Connection connection, MigrationListener listener, Set<Migration> alreadyApplied) { }
        @Override public int locate(Migration migration, String sql, int fromLine) { return fromLine; }
        @Override public String text(Migration migration) { return "UPDATE t SET a = 1;"; }
    };

    private final Judgement judgement = new Judgement(Analyzer.of(Set.of(), false, Rules.Lines.DEFAULTS), SOURCE,
            ProductionRows.NONE);

    private static Observed observed(Status status, long updateCount, List<String> warnings) {
        StatementResult update = StatementResult.of("UPDATE t SET a = 1", 1, 40, updateCount, null);
        return new Observed(V2, true, false, status, List.of(update), List.of(updateCount), 42.5,
                status == Status.FAILED ? new SqlError("23505", "duplicate key", 1) : null, new Recording(), "public",
                List.of("public.t"), null, List.of(), List.of(), warnings, List.of(), null);
    }

    private static CleanTimingPass.Clean clean(long rows) {
        return new CleanTimingPass.Clean(20.0, Iterations.of(19, 20, 21), new double[] {18.0}, null, new long[] {rows}, null, List.of());
    }

    @Test
    void theCleanRunsRuntimeStandsWhenItChangedTheSameRows() {
        MigrationResult result = judgement.judge(observed(Status.PASSED, 5, List.of()),
                new Judgement.Replayed(clean(5), null, null, null, null, null, null));

        assertThat(result.millis()).isEqualTo(20.0);
        assertThat(result.instrumentedMillis()).isEqualTo(42.5);
        assertThat(result.iterations().count()).isEqualTo(3);
        assertThat(result.statements().get(0).millis()).isEqualTo(18.0);
        assertThat(result.rowsAffected()).isEqualTo(5);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aCleanRunOnOtherDataDoesNotStandAndTheResultSaysWhy() {
        MigrationResult result = judgement.judge(observed(Status.PASSED, 5, List.of()),
                new Judgement.Replayed(clean(4), null, null, null, null, null, null));

        assertThat(result.millis()).isEqualTo(42.5);
        assertThat(result.instrumentedMillis()).isNull();
        assertThat(result.warnings()).singleElement().asString()
                .isEqualTo("timed in the instrumented pass, which its own observation slows down: statement 1 changed 4 row(s) "
                        + "in the clean pass and 5 in the instrumented pass, so their data differ");
    }

    @Test
    void aStoppedFollowerIsSaidAlongWithWhatTheInstrumentedPassCouldNotRead() {
        MigrationResult result = judgement.judge(observed(Status.PASSED, 5, List.of("breaking-change was not checked: …")),
                new Judgement.Replayed(null, "replaying V1 failed: boom", null, null, null, null, null));

        assertThat(result.warnings()).containsExactly("breaking-change was not checked: …",
                "timed in the instrumented pass, which its own observation slows down: replaying V1 failed: boom");
    }

    @Test
    void withoutCleanTimingTheInstrumentedRuntimeStandsWithoutAWarning() {
        MigrationResult result = judgement.judge(observed(Status.PASSED, 5, List.of()), null);

        assertThat(result.millis()).isEqualTo(42.5);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.kind()).isNotNull();
    }

    @Test
    void aFailedMigrationKeepsItsErrorAndASkippedOneItsReason() {
        MigrationResult failed = judgement.judge(observed(Status.FAILED, 0, List.of()), null);
        MigrationResult skipped = judgement.judge(Observed.skipped(V2, "context !test"), null);

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.error().sqlState()).isEqualTo("23505");
        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.skipped()).isEqualTo("context !test");
        assertThat(skipped.statements()).isEmpty();
    }
}
