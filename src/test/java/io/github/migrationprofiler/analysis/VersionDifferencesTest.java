package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.result.VersionMatrix;
import io.github.migrationprofiler.result.Work;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VersionDifferencesTest {

    private static MigrationResult passed(String id, String source, double millis, Kind kind, LockMode lock, boolean rewrote,
                                          Finding... findings) {
        StatementResult statement = new StatementResult("ALTER TABLE t …", 1, millis, 0, null, 1, null, null,
                List.of(new LockHeld("public.t", lock.display(), millis, lock.blocks())), List.of(), null, List.of(),
                rewrote ? List.of(new Work(Work.Kind.REWRITE, "public.t", null)) : List.of());
        return new MigrationResult(id, null, source, 1, Status.PASSED, millis, 0, List.of(statement), null, List.of(), kind,
                List.of(findings), Verdict.OK, List.of(), null);
    }

    private static MigrationResult failed(String id) {
        SqlError error = new SqlError("42601", "syntax error at or near \"MERGE\"", 1);
        return new MigrationResult(id, null, "db/" + id, 1, Status.FAILED, 0.4, 0, List.of(StatementResult.of("MERGE …", 1, 0.4, 0, error)),
                error, List.of(), null, List.of(), Verdict.FAILED, List.of("SQL error"), null);
    }

    private static VersionMatrix matrix(List<MigrationResult> on14, List<MigrationResult> on15) {
        return matrix(on14, true, on15);
    }

    private static VersionMatrix matrix(List<MigrationResult> on14, boolean seeded14, List<MigrationResult> on15) {
        Map<Integer, RunResult> runs = new LinkedHashMap<>();
        runs.put(14, judged("14.19", on14, seeded14));
        runs.put(15, judged("15.14", on15, true));
        return VersionDifferences.of(runs, Map.of(14, "postgres-14/results.json", 15, "postgres-15/results.json"));
    }

    /** A run judged as the gate would: its verdict the worst of its migrations'. */
    private static RunResult judged(String serverVersion, List<MigrationResult> migrations, boolean seeded) {
        RunResult run = RunResult.of("2026-12-06T10:00:00Z", new RunResult.Engine("embedded", serverVersion, null), "db",
                "SQL directory db", new Profile(List.of(), migrations, new RunResult.Timing("clean", 1, Map.of(), null)),
                seeded ? new SeedSummary("small", 10_000, 42, List.of(), List.of(), 1.0, null) : null);
        Verdict worst = migrations.stream().map(MigrationResult::verdict).max(Comparator.naturalOrder()).orElse(Verdict.OK);
        return run.judged(migrations, new RunResult.GateSummary(worst, List.of(), Map.of()));
    }

    @Test
    void aMigrationThatFailsOnOneMajorOnlyIsNamedWithItsError() {
        VersionMatrix matrix = matrix(List.of(failed("V3__merge.sql")),
                List.of(passed("V3__merge.sql", "db/V3__merge.sql", 4, Kind.SMALL, LockMode.ROW_EXCLUSIVE, false)));

        assertThat(matrix.majors()).isEqualTo("14 and 15");
        assertThat(matrix.profiled()).extracting(VersionMatrix.Profiled::serverVersion, VersionMatrix.Profiled::verdict,
                VersionMatrix.Profiled::results).containsExactly(
                org.assertj.core.groups.Tuple.tuple("14.19", Verdict.FAILED, "postgres-14/results.json"),
                org.assertj.core.groups.Tuple.tuple("15.14", Verdict.OK, "postgres-15/results.json"));
        assertThat(matrix.differences()).singleElement().satisfies(d -> {
            assertThat(d.migration()).isEqualTo("V3__merge.sql");
            assertThat(d.what()).containsExactly("fails on 14 (SQLSTATE 42601: syntax error at or near \"MERGE\"), passes on 15");
        });
    }

    @Test
    void rewritesLocksFindingsKindsAndRuntimesBeyondNoiseAreEachSaid() {
        Finding rewrite = new Finding(RuleId.TABLE_REWRITE, Severity.ERROR, "m", "r");
        VersionMatrix matrix = matrix(
                List.of(passed("V2__x.sql", "db/V2__x.sql", 900, Kind.LARGE, LockMode.ACCESS_EXCLUSIVE, true, rewrite)),
                List.of(passed("V2__x.sql", "db/V2__x.sql", 12, Kind.SMALL, LockMode.SHARE_UPDATE_EXCLUSIVE, false)));

        assertThat(matrix.differences()).singleElement().satisfies(d -> assertThat(d.what()).containsExactly(
                "LARGE on 14, SMALL on 15",
                "rewrites public.t on 14, none on 15",
                "public.t: ACCESS EXCLUSIVE on 14, SHARE UPDATE EXCLUSIVE on 15",
                "findings table-rewrite on 14, none on 15",
                "ran 900 ms on 14, 12 ms on 15"));
    }

    @Test
    void runtimesWithinNoiseAndTheSameBehaviourAreNoDifference() {
        VersionMatrix matrix = matrix(
                List.of(passed("V1__t.sql", "db/V1__t.sql", 40, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false),
                        passed("V2__t.sql", "db/V2__t.sql", 300, Kind.MEDIUM, LockMode.SHARE, false)),
                List.of(passed("V1__t.sql", "db/V1__t.sql", 85, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false),
                        passed("V2__t.sql", "db/V2__t.sql", 450, Kind.MEDIUM, LockMode.SHARE, false)));

        assertThat(matrix.differences()).as("2× but under 50 ms apart; 50 ms apart but under 2×").isEmpty();
    }

    @Test
    void runtimesOfARunOnEmptyTablesAreNotCompared() {
        VersionMatrix matrix = matrix(List.of(passed("V1__t.sql", "db/V1__t.sql", 900, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false)),
                false, List.of(passed("V1__t.sql", "db/V1__t.sql", 12, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false)));

        assertThat(matrix.differences()).isEmpty();
    }

    @Test
    void aChangesetIdRepeatedInAnotherFileIsMatchedByItsFile() {
        VersionMatrix matrix = matrix(
                List.of(passed("1", "db/a.xml", 5, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false),
                        passed("1", "db/b.xml", 5, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false)),
                List.of(passed("1", "db/a.xml", 5, Kind.SMALL, LockMode.ACCESS_EXCLUSIVE, false),
                        passed("1", "db/b.xml", 5, Kind.SMALL, LockMode.SHARE, false)));

        assertThat(matrix.differences()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("db/b.xml");
            assertThat(d.what()).containsExactly("public.t: ACCESS EXCLUSIVE on 14, SHARE on 15");
        });
    }
}
