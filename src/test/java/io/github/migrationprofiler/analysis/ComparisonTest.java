package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.Comparison;
import io.github.migrationprofiler.result.Iterations;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ComparisonTest {

    @TempDir
    Path dir;

    private static MigrationResult migration(String id, double millis, Iterations runs) {
        return new MigrationResult(id, null, "db/" + id, 1, Status.PASSED, millis, 0, List.of(), null, List.of(), Kind.SMALL,
                List.of(), Verdict.OK, List.of(), null, null, runs, null, null);
    }

    private static RunResult run(MigrationResult... migrations) {
        return RunResult.of("2026-12-01T00:00:00Z", new RunResult.Engine("embedded", "17.6", null), "db", "SQL directory db",
                new Profile(List.of(), new ArrayList<>(List.of(migrations))), null);
    }

    @Test
    void singleRunsChangeOnlyBeyondTwentyPercentAndAHundredMilliseconds() {
        RunResult before = run(migration("V1__a.sql", 1_000, null), migration("V2__b.sql", 100, null),
                migration("V3__c.sql", 2_000, null), migration("V4__gone.sql", 5, null));
        RunResult after = run(migration("V1__a.sql", 1_190, null), migration("V2__b.sql", 250, null),
                migration("V3__c.sql", 1_500, null), migration("V5__new.sql", 7, null));

        Comparison comparison = Comparison.of("main.json", before, after);

        assertThat(comparison.rows()).extracting(Comparison.Row::migration, Comparison.Row::change, Comparison.Row::percent).containsExactly(
                tuple("V1__a.sql", Comparison.Change.UNCHANGED, 19.0), // within 20 %
                tuple("V2__b.sql", Comparison.Change.REGRESSED, 150.0), // 150 ms, beyond the 100 ms floor
                tuple("V3__c.sql", Comparison.Change.IMPROVED, -25.0),
                tuple("V5__new.sql", Comparison.Change.NEW, null),
                tuple("V4__gone.sql", Comparison.Change.REMOVED, null));
        assertThat(comparison.summary()).isEqualTo("1 improved, 1 regressed, 1 unchanged, 1 new, 1 removed");
        assertThat(comparison.regressionsBeyond(50)).containsExactly(
                "Migration regressed: V2__b.sql 100.0 ms → 250.0 ms (+150.0 %, beyond 50 %)");
        assertThat(comparison.regressionsBeyond(200)).isEmpty();
    }

    @Test
    void theSameIdAndAuthorInTwoFilesAreTwoMigrations() {
        MigrationResult one = new MigrationResult("1", "a", "db/one.xml", 1, Status.PASSED, 100, 0, List.of(), null, List.of(),
                Kind.SMALL, List.of(), Verdict.OK, List.of(), null);
        MigrationResult two = new MigrationResult("1", "a", "db/two.xml", 1, Status.PASSED, 1_000, 0, List.of(), null, List.of(),
                Kind.SMALL, List.of(), Verdict.OK, List.of(), null);

        Comparison comparison = Comparison.of("main.json", run(one, two), run(one, two));

        assertThat(comparison.rows()).extracting(Comparison.Row::change)
                .containsExactly(Comparison.Change.UNCHANGED, Comparison.Change.UNCHANGED);
    }

    @Test
    void repeatedRunsSetTheNoiseFromTheirSpread() {
        Iterations tight = Iterations.of(990, 1_000, 1_010);
        Iterations loose = Iterations.of(800, 1_000, 1_200);
        RunResult before = run(migration("V1__a.sql", 1_000, tight), migration("V2__b.sql", 1_000, loose),
                migration("V3__c.sql", 100, tight));
        RunResult after = run(migration("V1__a.sql", 1_300, tight), migration("V2__b.sql", 1_300, loose),
                migration("V3__c.sql", 190, tight));

        Comparison comparison = Comparison.of("main.json", before, after);

        // +300 ms is signal at sd 10, noise at sd 200; +90 ms stays under the 100 ms floor however tight the runs
        assertThat(comparison.rows()).extracting(Comparison.Row::change)
                .containsExactly(Comparison.Change.REGRESSED, Comparison.Change.UNCHANGED, Comparison.Change.UNCHANGED);
    }

    @Test
    void aMissingBaselineOrOneOfAnotherSchemaIsAClearError() throws Exception {
        assertThatThrownBy(() -> ResultsJson.readBaseline(dir.resolve("nope.json"))).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("Baseline results not found").hasMessageContaining("migration-profiler.baseline");
        Path old = dir.resolve("old.json");
        Files.writeString(old, """
                {"schemaVersion": 2, "startedAt": "2026-11-01T00:00:00Z", "baseline": [], "migrations": [],
                 "totals": {"millis": 0, "migrations": 0, "failed": 0, "skipped": 0}}""");
        assertThatThrownBy(() -> ResultsJson.readBaseline(old)).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("schema version 2, this plugin writes version 3");
    }
}
