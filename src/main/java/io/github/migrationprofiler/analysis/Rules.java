package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.MigrationFacts.Step;
import io.github.migrationprofiler.analysis.Rule.Hit;
import io.github.migrationprofiler.profile.LockHeld;
import io.github.migrationprofiler.profile.LockMode;
import io.github.migrationprofiler.profile.TableStat;
import io.github.migrationprofiler.profile.Work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * The rules, one small object each, in the order the docs list them. Every rule decides from what
 * was observed — the locks the transaction held, the scans, builds and rewrites the server
 * reported, the rows changed, the catalog before and after — on tables that existed before the
 * migration (a table empty here is not empty in production). The SQL text only says which
 * operation a statement was, to pick the rule and its advice.
 */
public final class Rules {

    /** Far above what catalog-only work takes even on a loaded machine: below it, stacked DDL is trivial. */
    private static final double SLOW_LOCK_MILLIS = 500;
    private static final double LONG_MIGRATION_MILLIS = 5 * 60 * 1000;

    static final String MISSING_LOCK_TIMEOUT = "missing-lock-timeout";

    public static final List<Rule> ALL = List.of(
            new Rule("create-index-not-concurrently", Severity.WARNING,
                    "CREATE INDEX (or REINDEX) without CONCURRENTLY built an index on an existing table while writes were blocked",
                    "Build it with CREATE INDEX CONCURRENTLY, outside a transaction (Liquibase: runInTransaction:false); "
                            + "it holds SHARE UPDATE EXCLUSIVE, which lets reads and writes go on. A failed build leaves an "
                            + "INVALID index: drop it and build again.",
                    facts -> built(facts, Operations.INDEX_BUILD, "built")),
            new Rule("table-rewrite", Severity.ERROR,
                    "An existing table was rewritten under ACCESS EXCLUSIVE (volatile default, identity, stored generated column, VACUUM FULL, CLUSTER…)",
                    "Avoid the rewrite: add the column nullable and without the volatile default, set the default for new rows "
                            + "(ALTER COLUMN … SET DEFAULT), then backfill existing rows in batches in separate transactions.",
                    facts -> rewrites(facts, false)),
            new Rule("column-type-rewrite", Severity.ERROR,
                    "ALTER COLUMN … TYPE to a type that is not binary-coercible rewrote an existing table and its indexes",
                    "Expand and contract: add a column of the new type, write both (trigger or application), backfill in batches, "
                            + "switch reads, then drop the old column. Widening varchar, varchar→text and raising numeric "
                            + "precision need no rewrite.",
                    facts -> rewrites(facts, true)),
            new Rule("set-not-null-scan", Severity.WARNING,
                    "SET NOT NULL scanned an existing table under ACCESS EXCLUSIVE (no valid CHECK proved it)",
                    "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in its own transaction (SHARE UPDATE "
                            + "EXCLUSIVE, reads and writes go on), then SET NOT NULL, which then skips the scan (PostgreSQL 12+), "
                            + "and drop the CHECK.",
                    Rules::setNotNullScan),
            new Rule("constraint-without-not-valid", Severity.WARNING,
                    "A CHECK or FOREIGN KEY was validated against every existing row while writes were blocked",
                    "Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a separate "
                            + "transaction: it holds SHARE UPDATE EXCLUSIVE, so reads and writes go on while it scans.",
                    Rules::validatedUnderLock),
            new Rule("unique-constraint-in-place", Severity.WARNING,
                    "ADD UNIQUE or PRIMARY KEY built its index on an existing table while writes were blocked",
                    "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX, "
                            + "which only takes a brief lock.",
                    facts -> built(facts, Operations.ADD_UNIQUE, "built the constraint's index")),
            new Rule("drop-index-not-concurrently", Severity.WARNING,
                    "DROP INDEX without CONCURRENTLY took ACCESS EXCLUSIVE on an existing table",
                    "DROP INDEX CONCURRENTLY, outside a transaction (Liquibase: runInTransaction:false).",
                    Rules::droppedIndex),
            new Rule("full-table-dml", Severity.WARNING,
                    "UPDATE or DELETE of most of an existing table in one transaction",
                    "Backfill in batches (e.g. 1,000–10,000 rows by key range), each in its own transaction, apart from the "
                            + "schema change; the rows stay locked only per batch and autovacuum keeps up.",
                    Rules::fullTableDml),
            new Rule("stacked-access-exclusive", Severity.WARNING,
                    "ACCESS EXCLUSIVE on an existing table stayed held while the transaction went on to real work",
                    "Give each DDL statement its own transaction (its own changeset, or a file of its own), so each lock is "
                            + "brief; keep data changes and scans out of transactions that hold ACCESS EXCLUSIVE.",
                    Rules::stackedAccessExclusive),
            new Rule(MISSING_LOCK_TIMEOUT, Severity.WARNING,
                    "A lock that blocks writes (SHARE or stronger) was requested on an existing table with lock_timeout = 0",
                    "SET lock_timeout (e.g. '2s') at the start of the migration and retry it on timeout: a lock request "
                            + "queued behind a long-running query blocks every later query on the table, however briefly "
                            + "the lock itself is then held. If your migration runner sets lock_timeout for every migration, "
                            + "set migration-profiler.assumeLockTimeout.",
                    Rules::missingLockTimeout),
            new Rule("breaking-change", Severity.WARNING,
                    "A table or column that running code uses was dropped, renamed or changed type",
                    "Expand and contract across releases, so that instances still running the old code keep working "
                            + "during a rolling deploy.",
                    Rules::breakingChanges),
            new Rule("foreign-key-without-index", Severity.WARNING,
                    "A foreign key whose referencing columns have no index",
                    "CREATE INDEX CONCURRENTLY on the referencing columns: deleting or re-keying a parent row otherwise "
                            + "scans the whole child table, under lock.",
                    facts -> facts.foreignKeyGaps().stream().map(gap -> new Hit(gap.constraint(), "Foreign key " + gap.constraint()
                            + " on " + gap.table() + " (" + String.join(", ", gap.columns()) + ") has no index: every DELETE or key "
                            + "UPDATE on " + gap.referencedTable() + " scans " + gap.table(), 0)).toList()),
            new Rule("traffic-blocked", Severity.WARNING,
                    "Concurrent queries waited on the migration's locks in the traffic pass",
                    "Hold blocking locks briefly: SET lock_timeout and retry, build indexes CONCURRENTLY, add constraints NOT "
                            + "VALID and validate them apart, and keep data changes out of transactions that hold ACCESS "
                            + "EXCLUSIVE (see the migration's other findings for the statement that held the lock).",
                    facts -> facts.traffic() == null || facts.traffic().blocked() == 0 ? List.of()
                            : List.of(new Hit(String.join(", ", facts.traffic().tables()), upper(facts.traffic().describe()),
                            facts.traffic().maxWaitMillis()))),
            new Rule("lock-timeout-retry", Severity.WARNING,
                    "With a long-running query on the table, the migration gave up on lock_timeout",
                    "Let the deployment retry the migration when it fails with SQLSTATE 55P03 (lock_not_available), a few "
                            + "times with a pause between: each attempt blocks the table's queries for at most lock_timeout.",
                    facts -> facts.traffic() == null || !facts.traffic().retryNeeded() ? List.of()
                            : List.of(new Hit("migration", String.format(Locale.ROOT, "With a reader holding a transaction open "
                                    + "on %s for %s, the migration waited %s for its lock and gave up on lock_timeout: it needs a "
                                    + "retry after lock_timeout", facts.traffic().tables().get(0), spoken(facts.traffic().longQueryMillis()),
                            spoken(facts.traffic().migrationLockWaitMillis())), facts.traffic().migrationLockWaitMillis()))),
            new Rule("long-migration", Severity.WARNING,
                    "The migration runs for more than 5 minutes",
                    "Split it: batch data changes, use expand/contract for schema changes, or an online tool "
                            + "(pg_repack, pg-osc) for rebuilds; deployments and serverless runners time out.",
                    facts -> facts.millis() >= LONG_MIGRATION_MILLIS
                            ? List.of(new Hit("migration", "The migration ran " + spoken(facts.millis()) + " on the seeded data",
                            facts.millis())) : List.of()));

    private Rules() {
    }

    private static String upper(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** An index the server built on an existing table, for a statement of {@code operation}, while writes were blocked. */
    private static List<Hit> built(MigrationFacts facts, String operation, String what) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(operation)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                for (Work work : step.statement().work()) {
                    if (work.kind() == Work.Kind.INDEX_BUILD && work.table().equals(table.table())) {
                        blocking(step, table).ifPresent(lock -> hits.add(new Hit(work.object(), capitalise(what) + " "
                                + work.object() + " holding " + describe(lock, table, step), step.statement().millis())));
                    }
                }
            }
        }
        return hits;
    }

    private static List<Hit> rewrites(MigrationFacts facts, boolean typeChange) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (step.matches(Operations.TYPE_CHANGE) != typeChange || step.matches(Operations.TRUNCATE)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                if (!step.statement().rewrites().contains(table.table())) {
                    continue;
                }
                String lock = step.heldOn(table.table()).map(l -> " under " + describe(l, table, step))
                        .orElse(" (" + table.describe() + ")");
                String message = "The statement rewrote " + table.table() + " and its indexes" + lock + " ("
                        + spoken(step.statement().millis()) + " to run)";
                if (typeChange) {
                    List<String> columns = retyped(facts, step, table.table());
                    columns.forEach(c -> hits.add(new Hit(table.table() + "." + c, message, step.statement().millis() / columns.size())));
                } else {
                    hits.add(new Hit(table.table(), message, step.statement().millis(), rewriteAdvice(step)));
                }
            }
        }
        return hits;
    }

    /** The columns a type change named whose type the catalog shows changed (all it named, if the catalog was not read). */
    private static List<String> retyped(MigrationFacts facts, Step step, String table) {
        List<String> named = Operations.typeChangedColumns(step);
        List<String> changed = facts.schemaChanges().stream()
                .filter(c -> c.kind() == SchemaChange.Kind.TYPE_CHANGE && c.table().equals(table))
                .map(c -> c.column().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
        List<String> both = named.stream().filter(changed::contains).toList();
        return both.isEmpty() ? named : both;
    }

    /** Advice for the kind of rewrite it was; {@code null} for the rule's own (adding a column). */
    private static String rewriteAdvice(Step step) {
        if (step.matches(Operations.MATERIALIZED_VIEW)) {
            return "REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view) keeps the view readable "
                    + "while it refreshes; to change its definition, create the new view under another name and swap the "
                    + "names in a short transaction.";
        }
        if (step.matches(Operations.REBUILD)) {
            return "Rebuild online with pg_repack instead of VACUUM FULL or CLUSTER.";
        }
        if (step.matches(Operations.ADD_COLUMN)) {
            return null;
        }
        return "The rewrite holds ACCESS EXCLUSIVE for as long as copying the table takes: build the new form beside the "
                + "old one (a new table or column filled in batches) and switch over, or rebuild online with pg_repack.";
    }

    private static List<Hit> setNotNullScan(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(Operations.SET_NOT_NULL)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                if (step.did(Work.Kind.SCAN, table.table())) {
                    String columns = String.join(", ", Operations.notNullColumns(step));
                    blocking(step, table).ifPresent(lock -> hits.add(new Hit(table.table() + "." + columns,
                            "SET NOT NULL scanned every row of " + table.table() + " holding " + describe(lock, table, step),
                            step.statement().millis())));
                }
            }
        }
        return hits;
    }

    private static List<Hit> validatedUnderLock(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(Operations.CONSTRAINT_CHECK)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                if (step.did(Work.Kind.SCAN, table.table()) || step.did(Work.Kind.FOREIGN_KEY_VALIDATION, table.table())) {
                    String constraint = Operations.constraintNames(step).stream().findFirst().orElse(table.table());
                    blocking(step, table).ifPresent(lock -> hits.add(new Hit(constraint, "Validating " + constraint
                            + " read every row of " + table.table() + " holding " + describe(lock, table, step),
                            step.statement().millis())));
                }
            }
        }
        return hits;
    }

    private static List<Hit> droppedIndex(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(Operations.DROP_INDEX)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                step.requestedOn(table.table()).filter(l -> l.lockMode() == LockMode.ACCESS_EXCLUSIVE).ifPresent(lock -> {
                    String index = step.statement().locks().stream().map(LockHeld::relation)
                            .filter(r -> !r.equals(table.table())).findFirst().orElse(table.table());
                    hits.add(new Hit(index, "DROP INDEX " + index + " held " + describe(lock, table, step), lock.heldMillis()));
                });
            }
        }
        return hits;
    }

    private static List<Hit> fullTableDml(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            long rows = step.statement().rowsAffected();
            for (TableStat table : step.existing()) {
                boolean target = step.requestedOn(table.table()).map(l -> l.lockMode().ordinal() >= LockMode.ROW_EXCLUSIVE.ordinal())
                        .orElse(false);
                if (target && Operations.changesMostRows(step, table.rows())) {
                    String scan = step.statement().plan() != null && step.statement().plan().seqScans().contains(table.table())
                            ? " by sequential scan" : "";
                    hits.add(new Hit(table.table(), String.format(Locale.ROOT, "%s changed %,d of %,d rows of %s%s in one "
                                    + "transaction (%s); writers of those rows wait until it commits", step.sql().split(" ")[0],
                            rows, table.rows(), table.table(), scan, spoken(step.statement().millis())), step.statement().millis()));
                }
            }
        }
        return hits;
    }

    /**
     * ACCESS EXCLUSIVE taken on an existing table, then held while later statements of the same
     * transaction did real work: changed rows, read or rewrote another table, or simply took long.
     * Reading or rewriting the locked table itself is left to the rule for that work (index build,
     * scan, rewrite), which names the earlier lock; a few milliseconds of catalog changes under one
     * lock are not worth a warning.
     */
    private static List<Hit> stackedAccessExclusive(MigrationFacts facts) {
        List<Step> steps = facts.steps();
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int transaction = step.statement().transaction();
            List<Step> later = steps.subList(i + 1, steps.size()).stream()
                    .filter(s -> s.statement().transaction() == transaction && transaction != 0).toList();
            if (later.isEmpty()) {
                continue;
            }
            for (TableStat table : step.existing()) {
                Set<String> work = workUnder(later, table.table());
                step.requestedOn(table.table()).filter(l -> l.lockMode() == LockMode.ACCESS_EXCLUSIVE)
                        .filter(lock -> !work.isEmpty() || lock.heldMillis() >= SLOW_LOCK_MILLIS)
                        .ifPresent(lock -> hits.putIfAbsent(table.table(), new Hit(table.table(), "ACCESS EXCLUSIVE on "
                                + table.table() + " (" + table.describe() + "), taken at line " + step.statement().line()
                                + ", stayed held while " + later.size() + " more statement(s) ran in the same transaction"
                                + (work.isEmpty() ? "" : " (" + String.join(", ", work) + ")") + ": " + spoken(lock.heldMillis())
                                + " in all, blocking reads and writes", lock.heldMillis())));
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** What the later statements did that the lock on {@code locked} made traffic wait for, and no other rule reports. */
    private static Set<String> workUnder(List<Step> later, String locked) {
        Set<String> work = new LinkedHashSet<>();
        for (Step next : later) {
            next.statement().work().stream().filter(w -> w.kind().readsTable() && !w.table().equals(locked))
                    .forEach(w -> work.add(w.kind().json().replace('-', ' ') + " of " + w.table()));
            next.statement().rewrites().stream()
                    .filter(r -> !r.equals(locked) && next.existing().stream().anyMatch(t -> t.table().equals(r)))
                    .forEach(r -> work.add("rewrite of " + r));
            if (next.matches(Operations.DML) && next.statement().rowsAffected() > 0) {
                work.add(String.format(Locale.ROOT, "%,d rows changed", next.statement().rowsAffected()));
            }
        }
        return work;
    }

    /**
     * The first lock request of each transaction that would queue ordinary traffic behind it, on a
     * table that existed before, made with lock_timeout = 0: however briefly it is then held, while
     * it waits behind a long-running query every later query on the table waits too.
     */
    private static List<Hit> missingLockTimeout(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        Set<Integer> flagged = new java.util.HashSet<>();
        for (Step step : facts.steps()) {
            int transaction = step.statement().transaction();
            if (!"0".equals(step.statement().lockTimeout()) || flagged.contains(transaction) && transaction != 0) {
                continue;
            }
            // one statement may lock several tables (a CREATE TABLE with foreign keys): each is a queue of its own
            List<Map.Entry<String, LockHeld>> requested = step.existing().stream()
                    .flatMap(t -> step.requestedOn(t.table()).filter(l -> l.lockMode().blocksWrites())
                            .map(l -> Map.entry(t.table(), l)).stream())
                    .sorted(Map.Entry.comparingByKey()).toList();
            requested.stream().map(e -> e.getValue().lockMode()).max(java.util.Comparator.naturalOrder()).ifPresent(strongest -> {
                flagged.add(transaction);
                requested.stream().filter(e -> e.getValue().lockMode() == strongest).forEach(e -> {
                    LockHeld lock = e.getValue();
                    String queued = strongest == LockMode.ACCESS_EXCLUSIVE ? "every read and write" : String.join(", ", lock.blocks());
                    hits.add(new Hit(e.getKey(), lock.mode() + " on " + e.getKey() + " was requested at line "
                            + step.statement().line() + " with lock_timeout = 0 (then held " + spoken(lock.heldMillis())
                            + "): queued behind a long-running query, it would make " + queued + " on " + e.getKey() + " wait",
                            lock.heldMillis()));
                });
            });
        }
        return hits;
    }

    private static List<Hit> breakingChanges(MigrationFacts facts) {
        return facts.schemaChanges().stream().map(change -> new Hit(change.subject(), "The migration " + change.describe()
                + ": " + BREAKING_CONSEQUENCE.apply(change.kind()), 0, BREAKING_ADVICE.apply(change.kind()))).toList();
    }

    /** What instances of the previous release, still serving during a rolling deploy, run into. */
    private static final Function<SchemaChange.Kind, String> BREAKING_CONSEQUENCE = kind -> switch (kind) {
        case DROP_COLUMN, RENAME_COLUMN -> "queries of instances still running the previous release that name the column "
                + "fail (42703) during a rolling deploy";
        case DROP_TABLE, RENAME_TABLE -> "queries of instances still running the previous release that name the table "
                + "fail (42P01) during a rolling deploy";
        case TYPE_CHANGE -> "instances still running the previous release may fail on it during a rolling deploy: their "
                + "prepared statements that return the column fail with 'cached plan must not change result type', and their "
                + "mapping may expect the old type";
    };

    private static final Function<SchemaChange.Kind, String> BREAKING_ADVICE = kind -> switch (kind) {
        case DROP_COLUMN -> "Drop a column in two releases: first stop using it (JPA/Hibernate: remove the field or mark it "
                + "@Transient, and deploy), then drop it in a later migration.";
        case DROP_TABLE -> "Drop a table in two releases: first deploy code that no longer uses it, then drop it.";
        case RENAME_COLUMN -> "Rename in steps: add the new column, write both (application or trigger), backfill in batches, "
                + "switch reads, stop writing the old column, then drop it.";
        case RENAME_TABLE -> "Rename in steps: rename the table and leave a view under the old name (simple views are "
                + "updatable), move the code to the new name, then drop the view.";
        case TYPE_CHANGE -> "Change a type in steps: add a column of the new type, write both, backfill in batches, switch "
                + "reads, then drop the old column.";
    };

    /** The lock held on {@code table} while the statement ran, if it blocked writes. */
    private static Optional<LockHeld> blocking(Step step, TableStat table) {
        return step.heldOn(table.table()).filter(l -> l.lockMode().blocksWrites());
    }

    /**
     * "SHARE on public.t (100,000 rows, 14 MB) for 2.1 s: blocks INSERT/UPDATE/DELETE, DDL/VACUUM",
     * saying when the lock came from an earlier statement of the same transaction.
     */
    static String describe(LockHeld lock, TableStat table, Step step) {
        String blocks = lock.lockMode() == LockMode.ACCESS_EXCLUSIVE ? "reads and writes" : String.join(", ", lock.blocks());
        boolean earlier = step.statement().locks().stream().noneMatch(l -> l == lock);
        return lock.mode() + " on " + table.table() + " (" + table.describe() + ")"
                + (earlier ? ", taken earlier in the same transaction," : "") + " for " + spoken(lock.heldMillis())
                + ": blocks " + blocks;
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
