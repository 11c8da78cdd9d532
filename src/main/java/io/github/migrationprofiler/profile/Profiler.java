package io.github.migrationprofiler.profile;

import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a migration source through a traced connection and turns what happened into results:
 * the source says where migrations begin and end, the connection reports each statement. The
 * migrations before the first one under review form the baseline; the seeder is called once the
 * baseline stands and after each reviewed migration.
 */
public final class Profiler implements MigrationListener, StatementObserver {

    private final MigrationSource source;
    private final Selection selection;
    private final Seeder seeder;
    private final ProfilerLog log;
    private final List<String> baseline = new ArrayList<>();
    private final List<MigrationResult> results = new ArrayList<>();
    private boolean reviewing;
    private Run current;

    public Profiler(MigrationSource source, Selection selection, Seeder seeder, ProfilerLog log) {
        this.source = source;
        this.selection = selection;
        this.seeder = seeder;
        this.log = log;
    }

    /** Applies every migration on {@code connection}; stops after the first failure. */
    public Profile profile(Connection connection) {
        source.apply(TracingConnection.wrap(connection, this), this);
        if (!reviewing) {
            seeder.beforeReview(); // nothing was under review: the whole history is the baseline, seeded at its end
        }
        return new Profile(baseline, results);
    }

    @Override
    public void starting(Migration migration) {
        boolean selected = selection.includes(migration);
        if (!reviewing && selected) {
            reviewing = true;
            seeder.beforeReview();
        }
        current = new Run(migration, reviewing && selected);
    }

    @Override
    public void measuring(boolean migrationWork) {
        if (current != null) {
            current.measuring(migrationWork);
        }
    }

    @Override
    public void executed(String sql, long nanos, long rowsAffected) {
        if (current != null && current.isMeasuring()) {
            current.statements.add(new StatementResult(sql, current.locate(sql), millis(nanos), rowsAffected, null));
        }
    }

    @Override
    public void failed(String sql, long nanos, SQLException error) {
        if (current != null) { // a failure counts even in bookkeeping: it stops the run
            int line = current.locate(sql);
            current.error = sqlError(error, sql, line);
            current.statements.add(new StatementResult(sql, line, millis(nanos), 0, current.error));
            current.measuring(false); // what the tool does after the error (rolling back, cleaning up) is not the migration
        }
    }

    @Override
    public void finished(Migration migration) {
        Run run = end(migration, Status.PASSED);
        if (run.reviewed) {
            seeder.afterMigration(migration);
        }
    }

    @Override
    public void failed(Migration migration, Exception cause) {
        if (current != null && current.error == null) {
            current.error = sqlError(cause, null, current.migration.line());
        }
        end(migration, Status.FAILED);
    }

    private Run end(Migration migration, Status status) {
        Run run = current != null && current.migration.equals(migration) ? current : new Run(migration, false);
        current = null;
        MigrationResult result = run.result(status);
        if (run.reviewed || status == Status.FAILED) {
            results.add(result);
            log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms %10d rows",
                    status, migration.label(), result.millis(), result.rowsAffected()));
        } else if (!reviewing) {
            baseline.add(migration.label());
            log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (baseline)", "APPLY", migration.label(), result.millis()));
        } else {
            log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (not under review)", "APPLY", migration.label(), result.millis()));
        }
        return run;
    }

    /** The error PostgreSQL raised, located in the source file (down to the token when the server gives a position). */
    private static SqlError sqlError(Throwable cause, String sql, int statementLine) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return new SqlError(psql.getSQLState(), server.getMessage(), statementLine + linesBefore(sql, server.getPosition()));
            }
            if (t instanceof SQLException jdbc) {
                return new SqlError(jdbc.getSQLState(), jdbc.getMessage(), statementLine);
            }
        }
        return new SqlError(null, String.valueOf(cause.getMessage()), statementLine);
    }

    private static int linesBefore(String sql, int position) {
        if (sql == null || position <= 0) {
            return 0;
        }
        return (int) sql.substring(0, Math.min(position - 1, sql.length())).chars().filter(c -> c == '\n').count();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    /** The migration being applied now; its time is the sum of its measured windows. */
    private final class Run {
        final Migration migration;
        final boolean reviewed;
        final List<StatementResult> statements = new ArrayList<>();
        long windowStart = System.nanoTime();
        long measuredNanos;
        int cursor;
        SqlError error;

        Run(Migration migration, boolean reviewed) {
            this.migration = migration;
            this.reviewed = reviewed;
            this.cursor = migration.line();
        }

        boolean isMeasuring() {
            return windowStart >= 0;
        }

        void measuring(boolean on) {
            long now = System.nanoTime();
            if (on && !isMeasuring()) {
                windowStart = now;
            } else if (!on && isMeasuring()) {
                measuredNanos += now - windowStart;
                windowStart = -1;
            }
        }

        int locate(String sql) {
            cursor = source.locate(migration, sql, cursor);
            return cursor;
        }

        MigrationResult result(Status status) {
            measuring(false);
            long rows = statements.stream().mapToLong(StatementResult::rowsAffected).sum();
            return new MigrationResult(migration.id(), migration.author(), migration.source(), migration.line(),
                    status, millis(measuredNanos), rows, statements, status == Status.FAILED ? error : null, List.of());
        }
    }
}
