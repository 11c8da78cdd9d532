package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.PlanSummary;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Work;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A statement as the instrumented pass recorded it, while the locks its transaction took may still be held. */
final class Draft {

    final String sql;
    final int line;
    final double millis;
    final long rows;
    final SqlError error;
    final int transaction;
    final Probe probe;
    Relations after;
    List<String> rewrites = List.of();
    List<Work> work = List.of();

    /** @param line where {@code sql} begins in the file: comments a runner sends before the code (Flyway does) are left out */
    Draft(String sql, int line, double millis, long rows, SqlError error, int transaction, Probe probe) {
        int code = Statements.codeStart(sql);
        this.sql = sql.substring(code).strip();
        this.line = line + (int) sql.substring(0, code).chars().filter(c -> c == '\n').count();
        this.millis = millis;
        this.rows = rows;
        this.error = error;
        this.transaction = transaction;
        this.probe = probe;
    }

    /**
     * @param seen     every lock seen during the migration
     * @param now      the time a lock not yet released counts until
     * @param existing oids of the tables that existed when the migration began; {@code null} if unknown
     */
    StatementResult result(List<LockSampler.Seen> seen, long now, Set<Long> existing) {
        if (probe == null) {
            return new StatementResult(sql, line, millis, rows, error, transaction, null, null, List.of(), rewrites, null, List.of());
        }
        Relations known = after == null ? probe.before : after; // an index built by the statement is known only after it
        List<LockHeld> held = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (LockSampler.Seen lock : seen) {
            if (lock.statement == probe.index) {
                long released = lock.released >= 0 ? lock.released : now;
                String table = tableOf(lock.relation, known);
                held.add(new LockHeld(lock.relation, lock.mode.display(), Replay.millis(released - lock.firstSeen), lock.mode.blocks(),
                        table));
                touched.add(table);
            }
        }
        rewrites.forEach(r -> touched.add(tableOf(r, known)));
        if (after != null) {
            touched.addAll(after.indexedSince(probe.before));
        }
        work.forEach(w -> touched.add(w.table()));
        List<TableStat> stats = touched.stream().map(probe.before::stat).filter(Objects::nonNull)
                .map(t -> existing != null && !existing.contains(probe.before.oidOf(t.table())) ? t.createdHere() : t).toList();
        PlanSummary plan = probe.plan == null ? null : probe.plan.withActualRows(rows);
        return new StatementResult(sql, line, millis, rows == 0 ? rewrittenRows() : rows, error, transaction, probe.lockTimeout,
                probe.statementTimeout, held, rewrites, plan, stats, work);
    }

    /**
     * DDL reports no update count, yet a rewrite writes every row of its tables again: those
     * rows (planner statistics from before it) are its work, to read its runtime against.
     */
    private long rewrittenRows() {
        return rewrites.stream().map(probe.before::stat).filter(Objects::nonNull).mapToLong(TableStat::rows).sum();
    }

    /** The table {@code relation} belongs to, known after the statement or, for an index it dropped, before it. */
    String tableOf(String relation) {
        return tableOf(relation, after == null ? probe.before : after);
    }

    private String tableOf(String relation, Relations known) {
        String table = known.tableOf(relation);
        return table.equals(relation) ? probe.before.tableOf(relation) : table;
    }
}
