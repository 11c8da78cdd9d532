package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.result.PlanSummary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What is read just before a measured statement runs, outside its timing. */
final class Probe {

    final int index;
    final Relations before;
    final String lockTimeout;
    final String statementTimeout;
    final PlanSummary plan;
    /** The statement only inserts the rows it lists: it cannot rewrite, build or scan, and it takes its locks at once. */
    final boolean rowsOnly;

    private Probe(int index, Relations before, String lockTimeout, String statementTimeout, PlanSummary plan, boolean rowsOnly) {
        this.index = index;
        this.rowsOnly = rowsOnly;
        this.before = before;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.plan = plan;
    }

    /**
     * The probe for statement number {@code index}. It fails in an aborted transaction, where the
     * statement fails too, and that is what gets reported.
     *
     * @param known the relations as the last statement left them, or {@code null}: a statement that
     *              only inserts listed rows cannot change them, so they are not read again
     */
    static Probe take(Connection connection, String sql, int index, Relations known) throws SQLException {
        boolean rowsOnly = known != null && Statements.insertsValues(sql);
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout')"
                     + (rowsOnly ? "" : ", " + WorkNotices.ENABLE))) {
            rs.next();
            return new Probe(index, rowsOnly ? known : Relations.take(connection), rs.getString(1), rs.getString(2),
                    !rowsOnly && PlanInspector.isDml(sql) ? PlanInspector.explain(connection, sql) : null, rowsOnly);
        }
    }

}
