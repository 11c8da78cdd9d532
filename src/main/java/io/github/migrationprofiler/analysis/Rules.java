package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.MigrationFacts.Step;
import io.github.migrationprofiler.analysis.Rule.Hit;
import io.github.migrationprofiler.profile.LockHeld;
import io.github.migrationprofiler.profile.LockMode;
import io.github.migrationprofiler.profile.TableStat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.github.migrationprofiler.analysis.MigrationFacts.seconds;

/**
 * The rules, one small object each, in the order the docs list them. Every rule looks at what was
 * measured — locks, rewrites, rows, plans — on tables that held data; the SQL text only says
 * which operation it was.
 */
public final class Rules {

    /** Far above what a catalog-only lock takes even on a loaded machine, so safe forms are never flagged for time alone. */
    private static final double SLOW_LOCK_MILLIS = 500;
    private static final double LONG_MIGRATION_MILLIS = 5 * 60 * 1000;

    public static final List<Rule> ALL = List.of(
            new Rule("create-index-not-concurrently", Severity.WARNING,
                    "CREATE INDEX without CONCURRENTLY on a table that holds data",
                    "Build it with CREATE INDEX CONCURRENTLY, outside a transaction (Liquibase: runInTransaction:false); "
                            + "it holds SHARE UPDATE EXCLUSIVE, which lets reads and writes go on. A failed build leaves an "
                            + "INVALID index: drop it and build again.",
                    facts -> lockedBy(facts, Operations.CREATE_INDEX, "CREATE INDEX")),
            new Rule("table-rewrite", Severity.ERROR,
                    "A table that holds data is rewritten under ACCESS EXCLUSIVE (volatile default, identity, stored generated column, VACUUM FULL, CLUSTER…)",
                    "Avoid the rewrite: add the column nullable and without the volatile default, set the default for new rows "
                            + "(ALTER COLUMN … SET DEFAULT), then backfill existing rows in batches in separate transactions.",
                    facts -> rewrites(facts, false)),
            new Rule("column-type-rewrite", Severity.ERROR,
                    "ALTER COLUMN … TYPE to a type that is not binary-coercible rewrites the table and its indexes",
                    "Expand and contract: add a column of the new type, write both (trigger or application), backfill in batches, "
                            + "switch reads, then drop the old column. Widening varchar, varchar→text and raising numeric "
                            + "precision need no rewrite.",
                    facts -> rewrites(facts, true)),
            new Rule("set-not-null-scan", Severity.WARNING,
                    "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE",
                    "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE, reads and writes "
                            + "go on), then SET NOT NULL, which then skips the scan (PostgreSQL 12+), and drop the CHECK.",
                    facts -> lockedBy(facts, Operations.SET_NOT_NULL, "SET NOT NULL")),
            new Rule("constraint-without-not-valid", Severity.WARNING,
                    "ADD CHECK or FOREIGN KEY validates every existing row while holding a strong lock",
                    "Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a separate "
                            + "transaction: it holds SHARE UPDATE EXCLUSIVE, so reads and writes go on while it scans.",
                    facts -> lockedBy(facts, Operations.ADD_CHECK_OR_FK, "adding the constraint")),
            new Rule("unique-constraint-in-place", Severity.WARNING,
                    "ADD UNIQUE or PRIMARY KEY builds its index under ACCESS EXCLUSIVE",
                    "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX, "
                            + "which only takes a brief lock.",
                    facts -> lockedBy(facts, Operations.ADD_UNIQUE, "building the constraint's index")),
            new Rule("drop-index-not-concurrently", Severity.WARNING,
                    "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table",
                    "DROP INDEX CONCURRENTLY, outside a transaction (Liquibase: runInTransaction:false).",
                    facts -> lockedBy(facts, Operations.DROP_INDEX, "DROP INDEX")),
            new Rule("full-table-dml", Severity.WARNING,
                    "UPDATE or DELETE of most of a table in one transaction",
                    "Backfill in batches (e.g. 1,000–10,000 rows by key range), each in its own transaction, apart from the "
                            + "schema change; the rows stay locked only per batch and autovacuum keeps up.",
                    Rules::fullTableDml),
            new Rule("stacked-access-exclusive", Severity.WARNING,
                    "ACCESS EXCLUSIVE on a table that holds data stays held while further statements run in the same transaction",
                    "Give each DDL statement its own transaction (its own changeset, or a file of its own), so each lock is "
                            + "brief; keep data changes out of transactions that hold ACCESS EXCLUSIVE.",
                    Rules::stackedAccessExclusive),
            new Rule("missing-lock-timeout", Severity.WARNING,
                    "A lock that blocks writes, for a scan or rebuild or held 500 ms or more, was taken with lock_timeout = 0",
                    "SET lock_timeout (e.g. '2s') before the statement and retry on timeout: a lock request that waits "
                            + "blocks every later query that conflicts with it, even before it is granted.",
                    Rules::missingLockTimeout),
            new Rule("foreign-key-without-index", Severity.WARNING,
                    "A foreign key whose referencing columns have no index",
                    "CREATE INDEX CONCURRENTLY on the referencing columns: deleting or re-keying a parent row otherwise "
                            + "scans the whole child table, under lock.",
                    facts -> facts.foreignKeyGaps().stream().map(gap -> new Hit("Foreign key " + gap.constraint() + " on "
                            + gap.table() + " (" + String.join(", ", gap.columns()) + ") has no index: every DELETE or key "
                            + "UPDATE on " + gap.referencedTable() + " scans " + gap.table())).toList()),
            new Rule("long-migration", Severity.WARNING,
                    "The migration runs for more than 5 minutes",
                    "Split it: batch data changes, use expand/contract for schema changes, or an online tool "
                            + "(pg_repack, pg-osc) for rebuilds; deployments and serverless runners time out.",
                    facts -> facts.millis() >= LONG_MIGRATION_MILLIS
                            ? List.of(new Hit("The migration ran " + seconds(facts.millis()) + " on the seeded data")) : List.of()));

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** A write-blocking lock that the matching statement took on a populated table. */
    private static List<Hit> lockedBy(MigrationFacts facts, String regex, String what) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(regex)) {
                continue;
            }
            for (TableStat table : step.populated()) {
                step.lockOn(table.table()).filter(l -> mode(l).blocksWrites())
                        .ifPresent(lock -> hits.add(new Hit(capitalise(what) + " held " + describe(lock, table))));
            }
        }
        return hits;
    }

    private static List<Hit> rewrites(MigrationFacts facts, boolean typeChange) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            boolean isTypeChange = step.matches(Operations.TYPE_CHANGE);
            if (isTypeChange != typeChange) {
                continue;
            }
            for (TableStat table : step.populated()) {
                if (!step.statement().rewrites().contains(table.table())) {
                    continue;
                }
                String lock = step.lockOn(table.table()).map(l -> " under " + describe(l, table))
                        .orElse(" (" + table.describe() + ")");
                String recommendation = step.matches(Operations.REBUILD)
                        ? "Rebuild online with pg_repack instead of VACUUM FULL or CLUSTER." : null;
                hits.add(new Hit("The statement rewrote " + table.table() + " and its indexes" + lock
                        + " (" + seconds(step.statement().millis()) + " to run)", recommendation));
            }
        }
        return hits;
    }

    private static List<Hit> fullTableDml(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            long rows = step.statement().rowsAffected();
            for (TableStat table : step.populated()) {
                boolean target = step.lockOn(table.table()).map(l -> mode(l).ordinal() >= LockMode.ROW_EXCLUSIVE.ordinal()).orElse(false);
                if (target && Operations.changesMostRows(step, table.rows())) {
                    String scan = step.statement().plan() != null && step.statement().plan().seqScans().contains(table.table())
                            ? " by sequential scan" : "";
                    hits.add(new Hit(String.format(Locale.ROOT, "%s changed %,d of %,d rows of %s%s in one transaction (%s); "
                                    + "writers of those rows wait until it commits", step.sql().split(" ")[0], rows,
                            table.rows(), table.table(), scan, seconds(step.statement().millis()))));
                }
            }
        }
        return hits;
    }

    private static List<Hit> stackedAccessExclusive(MigrationFacts facts) {
        List<Step> steps = facts.steps();
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int transaction = step.statement().transaction();
            long later = steps.subList(i + 1, steps.size()).stream()
                    .filter(s -> s.statement().transaction() == transaction).count();
            if (later == 0) {
                continue;
            }
            for (TableStat table : step.populated()) {
                step.lockOn(table.table()).filter(l -> mode(l) == LockMode.ACCESS_EXCLUSIVE)
                        .ifPresent(lock -> hits.putIfAbsent(table.table(), new Hit("ACCESS EXCLUSIVE on " + table.table()
                                + " (" + table.describe() + ") stayed held while " + later + " more statement(s) ran in the "
                                + "same transaction: " + seconds(lock.heldMillis()) + " in all, blocking reads and writes")));
            }
        }
        return new ArrayList<>(hits.values());
    }

    private static List<Hit> missingLockTimeout(MigrationFacts facts) {
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (Step step : facts.steps()) {
            if (!"0".equals(step.statement().lockTimeout())) {
                continue;
            }
            for (TableStat table : step.populated()) {
                boolean heavy = Operations.scansOrRebuilds(step, table.table());
                step.lockOn(table.table()).filter(l -> mode(l).blocksWrites() && (heavy || l.heldMillis() >= SLOW_LOCK_MILLIS))
                        .ifPresent(lock -> hits.putIfAbsent(table.table(), new Hit(lock.mode() + " on " + table.table()
                                + " was requested with lock_timeout = 0 and held " + seconds(lock.heldMillis())
                                + ": behind a long-running query the request would wait indefinitely, queueing "
                                + String.join(", ", lock.blocks()) + " behind it")));
            }
        }
        return new ArrayList<>(hits.values());
    }

    private static LockMode mode(LockHeld lock) {
        return lock.lockMode();
    }

    /** "ACCESS EXCLUSIVE on public.t (100,000 rows, 14 MB) for 2.1 s: blocks reads and writes". */
    static String describe(LockHeld lock, TableStat table) {
        String blocks = mode(lock) == LockMode.ACCESS_EXCLUSIVE ? "reads and writes" : String.join(", ", lock.blocks());
        return lock.mode() + " on " + table.table() + " (" + table.describe() + ") for " + seconds(lock.heldMillis())
                + ": blocks " + blocks;
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
