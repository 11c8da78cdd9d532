package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Liquibase's own rollback of a changeset: its {@code <rollback>}, else the inverse Liquibase
 * generates for its changes ({@code addColumn} → {@code dropColumn}). A change Liquibase cannot
 * invert ({@code sql} without {@code <rollback>}) makes the changeset not reversible, as Liquibase
 * itself would say on {@code rollback}.
 */
final class LiquibaseUndo implements Undo {

    /** Runs Liquibase work in the scope the source runs it in (its resources, log and encoding). */
    @FunctionalInterface
    interface InScope {
        Object run(Scope.ScopedRunnerWithReturn<Object> work) throws Exception;
    }

    private final ChangeSet changeSet;
    private final InScope scope;

    LiquibaseUndo(ChangeSet changeSet, InScope scope) {
        this.changeSet = changeSet;
        this.scope = scope;
    }

    @Override
    public String how() {
        return changeSet.hasCustomRollbackChanges() ? "the changeset's <rollback>, run by Liquibase"
                : "Liquibase's automatic rollback of " + changeSet.getChanges().stream().map(Change::getSerializedObjectName)
                .distinct().collect(Collectors.joining(", "));
    }

    @Override
    public void run(Connection connection) throws SQLException, NotReversible {
        try {
            scope.run(() -> {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (!changeSet.supportsRollback(database)) {
                    throw new NotReversible("Liquibase cannot roll back " + changeSet.getChanges().stream()
                            .filter(c -> !c.supportsRollback(database)).map(Change::getSerializedObjectName).distinct()
                            .collect(Collectors.joining(", ")) + " without a <rollback> in the changeset");
                }
                changeSet.rollback(database);
                return null;
            });
        } catch (NotReversible e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    throw sql;
                }
            }
            throw new SQLException("Liquibase's rollback failed: " + ProfilerException.rootMessage(e), e);
        }
    }
}
