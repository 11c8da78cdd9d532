package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.analysis.rules.SqlText;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Sends a recorded migration again, in its transactions, on another connection: how every pass
 * after the instrumented one runs it. The replay times each statement and each commit; a
 * migration's runtime is its statements plus its commits, as {@code psql \timing} shows them.
 */
final class Replay {

    /** One timed replay: the total (statements and commits), each statement, each statement's update count. */
    record Run(double millis, double[] statements, long[] rows) {
    }

    private Replay() {
    }

    /** Fails when a value bound to the migration's statements cannot be sent twice. */
    static void check(Recording recording) throws SQLException {
        Execution unreplayable = recording.unreplayable();
        if (unreplayable != null) {
            String sql = SqlText.normalize(unreplayable.sql());
            throw new SQLException("a value bound to '" + (sql.length() > 60 ? sql.substring(0, 60) + "…" : sql)
                    + "' is a stream or LOB, which cannot be sent twice");
        }
    }

    static Run run(Connection c, Recording recording) throws SQLException {
        return run(c, recording, true);
    }

    /** @param bookkeeping replay the runner's own statements too (its history table); without them, the migration's alone */
    static Run run(Connection c, Recording recording, boolean bookkeeping) throws SQLException {
        List<Execution> executions = recording.executions();
        double[] statements = new double[recording.measured()];
        long[] rows = new long[statements.length];
        long commits = 0;
        boolean open = false;
        try {
            for (int i = 0, measured = 0; i < executions.size(); i++) {
                Execution execution = executions.get(i);
                if (!bookkeeping && recording.isBookkeeping(i)) {
                    continue;
                }
                if (c.getAutoCommit() != execution.autoCommit()) {
                    long start = System.nanoTime();
                    c.setAutoCommit(execution.autoCommit()); // switching to autocommit commits what is open
                    commits += open ? System.nanoTime() - start : 0;
                    open = false;
                }
                long start = System.nanoTime();
                long changed = execution.replay(c);
                if (!recording.isBookkeeping(i)) {
                    statements[measured] = millis(System.nanoTime() - start);
                    rows[measured++] = changed;
                }
                open = !execution.autoCommit();
                if (open && recording.endsAfter(i + 1)) {
                    commits += commit(c);
                    open = false;
                }
            }
            if (open) {
                commits += commit(c);
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        }
        double total = millis(commits);
        for (double statement : statements) {
            total += statement;
        }
        return new Run(Math.round(total * 1_000.0) / 1_000.0, statements, rows);
    }

    private static long commit(Connection c) throws SQLException {
        long start = System.nanoTime();
        c.commit();
        return System.nanoTime() - start;
    }

    /** Nanoseconds as milliseconds, to the microsecond. */
    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
