package io.github.migrationprofiler.result;

import java.util.List;
import java.util.Locale;

/**
 * One executed statement and what it did to the database.
 *
 * @param sql              the text sent to the server
 * @param line             line in the migration's source file where it starts
 * @param millis           wall time, fractional milliseconds
 * @param rowsAffected     rows inserted, updated or deleted; for DDL that rewrote tables, the rows they held
 * @param error            the error it raised, or {@code null}
 * @param transaction      number of the transaction it ran in (statements of one transaction share it)
 * @param lockTimeout      {@code lock_timeout} in force ({@code 0} = wait forever)
 * @param statementTimeout {@code statement_timeout} in force
 * @param locks            locks it took on user relations, held until its transaction ended
 * @param rewrites         tables and indexes whose storage it rewrote
 * @param plan             for data changes, the plan it ran with
 * @param tableStats       the tables it touched, as they were before it ran
 * @param work             what the server reported doing: scans, rewrites, index builds, validations
 * @param iterations       the spread of its clean runs when there were several ({@code millis} is their median)
 * @param projection       its runtime projected to its table's production rows, when known
 */
public record StatementResult(String sql, int line, double millis, long rowsAffected, SqlError error, int transaction,
                              String lockTimeout, String statementTimeout, List<LockHeld> locks, List<String> rewrites,
                              PlanSummary plan, List<TableStat> tableStats, List<Work> work, Iterations iterations,
                              Projection projection) {

    public StatementResult(String sql, int line, double millis, long rowsAffected, SqlError error, int transaction,
                           String lockTimeout, String statementTimeout, List<LockHeld> locks, List<String> rewrites,
                           PlanSummary plan, List<TableStat> tableStats) {
        this(sql, line, millis, rowsAffected, error, transaction, lockTimeout, statementTimeout, locks, rewrites, plan, tableStats,
                List.of(), null, null);
    }

    public StatementResult(String sql, int line, double millis, long rowsAffected, SqlError error, int transaction,
                           String lockTimeout, String statementTimeout, List<LockHeld> locks, List<String> rewrites,
                           PlanSummary plan, List<TableStat> tableStats, List<Work> work) {
        this(sql, line, millis, rowsAffected, error, transaction, lockTimeout, statementTimeout, locks, rewrites, plan, tableStats,
                work, null, null);
    }

    /** This statement with its text cut after {@code max} characters, saying how much was left out. */
    public StatementResult abbreviated(int max) {
        if (sql.length() <= max) {
            return this;
        }
        String shown = sql.substring(0, max) + String.format(Locale.ROOT, "… (%,d more characters)", sql.length() - max);
        return new StatementResult(shown, line, millis, rowsAffected, error, transaction, lockTimeout, statementTimeout, locks,
                rewrites, plan, tableStats, work, iterations, projection);
    }

    /**
     * This statement timed by the clean pass: its median there, the spread over several runs, and
     * its locks held for {@code lockMillis}, the clean time from this statement to its transaction's end.
     */
    public StatementResult timed(double cleanMillis, Iterations spread, double lockMillis) {
        List<LockHeld> held = locks.stream().map(l -> new LockHeld(l.relation(), l.mode(), lockMillis, l.blocks(), l.table())).toList();
        return new StatementResult(sql, line, cleanMillis, rowsAffected, error, transaction, lockTimeout, statementTimeout, held,
                rewrites, plan, tableStats, work, spread, projection);
    }

    /** This statement with its runtime projected to production's rows. */
    public StatementResult projected(Projection projected) {
        return new StatementResult(sql, line, millis, rowsAffected, error, transaction, lockTimeout, statementTimeout, locks,
                rewrites, plan, tableStats, work, iterations, projected);
    }

    public StatementResult {
        locks = locks == null ? List.of() : List.copyOf(locks);
        rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
        tableStats = tableStats == null ? List.of() : List.copyOf(tableStats);
        work = work == null ? List.of() : List.copyOf(work);
    }

    /** A statement with nothing but its timing: for tests and tools that measure no more. */
    public static StatementResult of(String sql, int line, double millis, long rowsAffected, SqlError error) {
        return new StatementResult(sql, line, millis, rowsAffected, error, 0, null, null, List.of(), List.of(), null, List.of());
    }
}
