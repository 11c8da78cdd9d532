package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.source.Undo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * A migration's undo as a migration of its own, so the instrumented pass watches it as it watches
 * any migration (locks and how long held, rewrites, scans, plans) and the same rules judge it: an
 * undo that changes a type back rewrites the table just as the forward change would.
 */
final class UndoRun implements MigrationSource {

    private final Migration undone;
    private final Undo undo;
    private final Migration migration;
    private Undo.NotReversible notReversible;
    private Observed observed;

    UndoRun(Migration undone, Undo undo) {
        this.undone = undone;
        this.undo = undo;
        this.migration = new Migration("rollback of " + undone.id(), undone.author(), undone.source(), undone.line());
    }

    /** Runs the undo on {@code connection}, watched through {@code observer}; what the instrumented pass saw of it. */
    Observed run(Connection connection, Connection observer, ForeignKeyGaps foreignKeys) throws SQLException, Undo.NotReversible {
        new InstrumentedPass(this, Selection.of(List.of()), foreignKeys, () -> false).run(connection, observer, Set.of(),
                new InstrumentedPass.Stages() {
                    @Override
                    public void seed(Migration applied) {
                        // the undo's state is not seeded: it runs on the migration's
                    }

                    @Override
                    public void applied(Observed seen) {
                        observed = seen;
                    }
                });
        if (notReversible != null) {
            throw notReversible;
        }
        return observed;
    }

    @Override
    public String describe() {
        return "the undo of " + undone.label();
    }

    @Override
    public List<Migration> migrations() {
        return List.of(migration);
    }

    @Override
    public void apply(Connection connection, MigrationListener listener, Set<Migration> alreadyApplied) {
        listener.starting(migration);
        try {
            undo.run(connection);
        } catch (Undo.NotReversible e) {
            notReversible = e;
            listener.finished(migration);
            return;
        } catch (SQLException e) {
            listener.failed(migration, e);
            return;
        }
        listener.finished(migration);
    }

    @Override
    public int locate(Migration m, String sql, int fromLine) {
        return fromLine;
    }

    @Override
    public String text(Migration m) {
        return "";
    }
}
