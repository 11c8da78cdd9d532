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

    private Probe(int index, Relations before, String lockTimeout, String statementTimeout, PlanSummary plan) {
        this.index = index;
        this.before = before;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.plan = plan;
    }

    /** The probe for statement number {@code index}; {@code null} in an aborted transaction, where the statement fails anyway. */
    static Probe take(Connection connection, String sql, int index) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), "
                     + WorkNotices.ENABLE)) {
            rs.next();
            return new Probe(index, Relations.take(connection), rs.getString(1), rs.getString(2),
                    PlanInspector.isDml(sql) ? PlanInspector.explain(connection, sql) : null);
        } catch (SQLException e) {
            return null; // an aborted transaction: the statement will fail, and that is what gets reported
        }
    }

    /** The relations right after the statement; as before, if they cannot be read (the statement's transaction broke). */
    Relations after(Connection connection) {
        try {
            return Relations.take(connection);
        } catch (SQLException e) {
            return before;
        }
    }
}
