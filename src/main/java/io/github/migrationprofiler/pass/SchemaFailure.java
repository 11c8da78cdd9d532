package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;

import java.sql.SQLException;
import java.util.List;

/**
 * Watches the rehearsal for a failure no data can change: a syntax error, an object or column
 * that does not exist, a feature the server lacks (SQLSTATE classes 42 and 0A). The rehearsal
 * runs on empty tables, and such a migration fails the same way on seeded ones: the run seeds
 * nothing and only reports the failure. Other failures may depend on the rows (a unique key, a
 * cast): the run goes on as usual.
 */
final class SchemaFailure implements StatementObserver, MigrationListener {

    private final MigrationSource source;
    private final MigrationListener next;
    /** The statement of the running migration that failed; the runner's bookkeeping may run after it. */
    private String failedSql;
    private String failure;

    /** @param next the listener the rehearsal reports to */
    SchemaFailure(MigrationSource source, MigrationListener next) {
        this.source = source;
        this.next = next;
    }

    /** The failure no data changes, in words with its file, line and column; {@code null} when there was none. */
    String failure() {
        return failure;
    }

    @Override
    public void starting(String sql) {
    }

    @Override
    public void executed(String sql, long nanos, long rowsAffected, List<String> debugMessages) {
    }

    @Override
    public void failed(String sql, long nanos, SQLException error, List<String> debugMessages) {
        if (failedSql == null) {
            failedSql = sql;
        }
    }

    @Override
    public void transactionEnded() {
    }

    @Override
    public void starting(Migration migration) {
        failedSql = null;
        next.starting(migration);
    }

    @Override
    public void measuring(boolean migrationWork) {
        next.measuring(migrationWork);
    }

    @Override
    public void hazard(String description) {
        next.hazard(description);
    }

    @Override
    public void finished(Migration migration) {
        next.finished(migration);
    }

    @Override
    public void skipped(Migration migration, String reason) {
        next.skipped(migration, reason);
    }

    @Override
    public void failed(Migration migration, Exception cause) {
        String state = sqlState(cause);
        if (state == null || !(state.startsWith("42") || state.startsWith("0A"))) {
            next.failed(migration, cause);
            return;
        }
        int line = failedSql == null ? migration.line() : source.locate(migration, failedSql, migration.line());
        SqlError error = SqlErrors.of(cause, failedSql, line);
        MigrationResult failed = new MigrationResult(migration.id(), migration.author(), migration.source(), migration.line(),
                Status.FAILED, 0, 0, List.of(), error, List.of(), null, List.of(), null, List.of(), null);
        failure = failed.failureSummary();
    }

    private static String sqlState(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
