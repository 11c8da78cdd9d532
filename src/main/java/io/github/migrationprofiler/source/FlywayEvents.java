package io.github.migrationprofiler.source;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells the listener where each migration Flyway applies starts and ends. A migration has
 * finished when its transaction has committed and Flyway has recorded it, which Flyway does
 * after its last callback: so it is reported finished when the next one starts, or when Flyway
 * returns. The project's own {@code beforeEachMigrate} scripts run after this callback (Flyway
 * orders callbacks by name, and this one's sorts first): what they set, such as a
 * {@code lock_timeout}, is part of the migration as production runs it.
 */
final class FlywayEvents implements Callback {

    private final MigrationListener listener;
    private final Function<MigrationInfo, Migration> migrations;
    private final boolean transactionalLock;
    private final Map<Migration, SourceText> texts;
    private final Function<Migration, String> content;
    private final List<Migration> pending;
    private Migration current;
    private Migration finishing;

    /** @param pending the migrations Flyway is to apply, in its order: one it refuses before it starts is the next of them */
    FlywayEvents(MigrationListener listener, Function<MigrationInfo, Migration> migrations, List<Migration> pending,
                 boolean transactionalLock, Map<Migration, SourceText> texts, Function<Migration, String> content) {
        this.listener = listener;
        this.pending = new ArrayList<>(pending);
        this.migrations = migrations;
        this.transactionalLock = transactionalLock;
        this.texts = texts;
        this.content = content;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            endFinishing();
            current = migrations.apply(context.getMigrationInfo());
            pending.remove(current);
            texts.put(current, new SourceText(content.apply(current)));
            listener.starting(current);
        } else if (event == Event.AFTER_EACH_MIGRATE && current != null) {
            listener.measuring(false); // Flyway's own record of it follows
            warnOfTransactionalLock(context);
            finishing = current;
            current = null;
        }
    }

    /** Sorts before every script callback, whose names are their descriptions. */
    @Override
    public String getCallbackName() {
        return "";
    }

    /**
     * A migration Flyway ran outside a transaction (autocommit) would have waited, in production,
     * for Flyway's own transaction on its other session, when that holds the lock.
     */
    private void warnOfTransactionalLock(Context context) {
        try {
            if (transactionalLock && context.getConnection().getAutoCommit()) {
                listener.hazard("Flyway runs this migration outside a transaction, and takes its lock in a transaction "
                        + "on another session (postgresql.transactional.lock, true by default): in production the "
                        + "migration waits for that open transaction forever (CREATE INDEX CONCURRENTLY waits for every "
                        + "older transaction). Set postgresql.transactional.lock=false (flyway.postgresql.transactional.lock, "
                        + "spring.flyway.postgresql.transactional-lock)");
            }
        } catch (SQLException e) {
            // a broken connection fails the migration where it happens
        }
    }

    private void endFinishing() {
        if (finishing != null) {
            Migration done = finishing;
            finishing = null;
            listener.finished(done);
        }
    }

    /** Flyway returned: the last migration has committed. */
    void ended() {
        endFinishing();
    }

    /**
     * Flyway stopped with {@code e}: the migration it names (or the one running) failed.
     *
     * @return whether a migration failed; {@code false} when Flyway failed outside any
     */
    boolean failed(FlywayException e) {
        Migration failed = current;
        if (failed == null && e instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
            failed = migrations.apply(migrate.getMigration());
        }
        if (failed == null && !pending.isEmpty()) {
            failed = pending.get(0); // refused as Flyway read it (a mixed script), before it started
        }
        if (failed == null || failed.equals(finishing)) {
            endFinishing();
            return false;
        }
        endFinishing();
        if (!failed.equals(current)) {
            listener.starting(failed); // refused before it began: it began and failed at once
        }
        current = null;
        SQLException sql = causeOf(e, SQLException.class);
        listener.failed(failed, sql != null ? sql : new FlywayFailure(reason(e), e));
        return true;
    }

    /**
     * Flyway's reason, without the banner of its migrate failures, and what caused it when that
     * is not Flyway's ("Migration failed !" says nothing of the Java migration's own exception).
     */
    static String reason(Throwable e) {
        Throwable reason = e;
        while (reason.getCause() instanceof FlywayException && reason.getCause() != reason) {
            reason = reason.getCause();
        }
        Throwable root = reason;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = text(reason) + (root == reason ? "" : ": " + text(root));
        return message.strip().replaceAll("\\s*\\R-+\\R", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }

    private static String text(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** A failure Flyway reports itself (a placeholder without a value, a mixed script): its reason, as Flyway says it. */
    static final class FlywayFailure extends Exception {
        FlywayFailure(String message, Throwable cause) {
            super("Flyway: " + message, cause);
        }
    }
}
