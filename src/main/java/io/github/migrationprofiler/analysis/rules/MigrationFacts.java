package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.SchemaChange;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.result.TrafficHold;
import io.github.migrationprofiler.result.Work;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What was measured for one migration, as the rules read it.
 *
 * @param statements     its statements with locks, rewrites, server-reported work and table statistics
 * @param millis         its wall time
 * @param foreignKeyGaps foreign keys it added without an index
 * @param schemaChanges  what it dropped, renamed or retyped on tables that existed before it
 * @param traffic        what it did to concurrent queries in the traffic pass; {@code null} when that did not run
 * @param runnerHazards  what production's migration tool would do wrong with it, as its runner reported
 * @param projection     its runtime and longest lock hold projected to production's rows; {@code null} without
 * @param deadlock       the deadlock it met with the traffic pass's queries, both sides described; {@code null} when none
 */
public record MigrationFacts(List<StatementResult> statements, double millis, List<ForeignKeyGap> foreignKeyGaps,
                             List<SchemaChange> schemaChanges, Traffic traffic, List<String> runnerHazards, Projection projection,
                             String deadlock) {

    public MigrationFacts(List<StatementResult> statements, double millis, List<ForeignKeyGap> foreignKeyGaps) {
        this(statements, millis, foreignKeyGaps, List.of(), null, List.of(), null, null);
    }

    public MigrationFacts(List<StatementResult> statements, double millis, List<ForeignKeyGap> foreignKeyGaps,
                          List<SchemaChange> schemaChanges, Traffic traffic, List<String> runnerHazards, Projection projection) {
        this(statements, millis, foreignKeyGaps, schemaChanges, traffic, runnerHazards, projection, null);
    }

    /** The longest hold of a lock the traffic pass's queries waited for; {@code null} when none waited for it. */
    public TrafficHold trafficHold() {
        return TrafficHold.of(statements, projection, traffic);
    }

    /**
     * A statement with its normalised text and the locks its transaction held while it ran: work
     * done under a lock taken by an earlier statement of the same transaction is done under that lock.
     */
    public record Step(StatementResult statement, String sql, List<LockHeld> transactionLocks) {

        /** Tables it touched that existed before the migration: production's tables, whatever they hold here. */
        public List<TableStat> existing() {
            return statement.tableStats().stream().filter(t -> !t.created()).toList();
        }

        /** The strongest lock held on {@code table} (or its indexes) while this statement ran. */
        public Optional<LockHeld> heldOn(String table) {
            return transactionLocks.stream().filter(l -> l.table().equals(table))
                    .max(Comparator.comparing(LockHeld::lockMode).thenComparing(LockHeld::heldMillis));
        }

        /** The strongest lock this statement itself requested on {@code table} (or its indexes). */
        public Optional<LockHeld> requestedOn(String table) {
            return statement.locks().stream().filter(l -> l.table().equals(table))
                    .max(Comparator.comparing(LockHeld::lockMode));
        }

        /** The server reported doing {@code kind} on {@code table}. */
        public boolean did(Work.Kind kind, String table) {
            return statement.work().stream().anyMatch(w -> w.kind() == kind && w.table().equals(table));
        }

        /** The server read the whole table for this statement: a scan, a validation, an index build, a rewrite. */
        public boolean readWhole(String table) {
            return statement.rewrites().contains(table)
                    || statement.work().stream().anyMatch(w -> w.kind().readsTable() && w.table().equals(table));
        }

        public boolean matches(String regex) {
            return sql.matches(regex);
        }
    }

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        List<LockHeld> held = new ArrayList<>();
        int transaction = Integer.MIN_VALUE;
        for (StatementResult s : statements) {
            if (s.transaction() != transaction || s.transaction() == 0) {
                held = new ArrayList<>();
                transaction = s.transaction();
            }
            held.addAll(s.locks());
            steps.add(new Step(s, SqlText.normalize(s.sql()), List.copyOf(held)));
        }
        return steps;
    }
}
