package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.PlanSummary;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A judged run with one migration of every verdict, for report tests. */
final class Runs {

    private Runs() {
    }

    static RunResult everyVerdict() {
        StatementResult rewrite = new StatementResult("ALTER TABLE items ADD COLUMN token uuid DEFAULT gen_random_uuid()", 4, 1234.5, 0,
                null, 3, "0", "15min", List.of(new LockHeld("public.items", "ACCESS EXCLUSIVE", 1250.0, LockMode.ACCESS_EXCLUSIVE.blocks())),
                List.of("public.items", "public.items_pkey"), null, List.of(new TableStat("public.items", 100_000, 14 << 20)));
        StatementResult backfill = new StatementResult("UPDATE items SET price = price * 1.1 WHERE \"price\" < 5 AND note <> '<b>'", 2,
                40.0, 5_000, null, 4, "0", "15min", List.of(new LockHeld("public.items", "ROW EXCLUSIVE", 41.0, LockMode.ROW_EXCLUSIVE.blocks())),
                List.of(), new PlanSummary(List.of("ModifyTable", "Seq Scan"), List.of("public.items"), 4_800, 5_000), List.of());
        MigrationResult ok = new MigrationResult("V1__ok.sql", null, "db/V1__ok.sql", 1, Status.PASSED, 3.25, 0,
                List.of(StatementResult.of("CREATE TABLE t (id int)", 1, 3.0, 0, null)), null, List.of(), Kind.SMALL, List.of(),
                Verdict.OK, List.of(), null);
        MigrationResult warning = new MigrationResult("002-backfill", "alice", "db/changes.yaml", 12, Status.PASSED, 40.5, 5_000,
                List.of(backfill), null, List.of(), Kind.MEDIUM, List.of(), Verdict.WARNING,
                List.of("ran 41 ms, over the warning line of 10 ms for MEDIUM migrations"), null);
        MigrationResult critical = new MigrationResult("003-token", "alice", "db/changes.yaml", 20, Status.PASSED, 1234.5, 0,
                List.of(rewrite), null, List.of(), Kind.LARGE,
                List.of(new Finding(RuleId.TABLE_REWRITE, Severity.ERROR, "rewrote public.items | under lock", "add it nullable")),
                Verdict.CRITICAL, List.of("ran 1.2 s, over the critical line of 1 s"), null);
        MigrationResult failed = new MigrationResult("V4__bad.sql", null, "db/V4__bad.sql", 1, Status.FAILED, 0.5, 0,
                List.of(StatementResult.of("SELECT * FROM nope", 2, 0.5, 0, new SqlError("42P01", "relation \"nope\" does not exist", 2))),
                new SqlError("42P01", "relation \"nope\" does not exist", 2), List.of(), null, List.of(), Verdict.FAILED, List.of("SQL error"), null);
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("warnSmall", "30 s");
        thresholds.put("critical", "1 s");
        RunResult run = RunResult.of("2026-11-23T10:00:00Z", new RunResult.Engine("docker", "17.6", "postgres:17"),
                "test_migration_20261123_100000_abcdef", "SQL directory db (4 files)",
                new Profile(List.of(), List.of(ok, warning, critical, failed)),
                new SeedSummary("medium", 100_000, 42, List.of(new SeedSummary.TableSeed("public.items", 100_000, 812.5)), List.of(), 900.25, null));
        return run.judged(run.migrations(), new RunResult.GateSummary(Verdict.FAILED, List.of(), thresholds));
    }
}
