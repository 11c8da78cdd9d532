package io.github.migrationprofiler.source;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** Where migrations come from and how they are applied, exactly as production applies them. */
public interface MigrationSource extends AutoCloseable {

    /** What the source reads, for logs. */
    String describe();

    /** Every migration the source holds, in the order it applies them; after {@link #list} when {@link #listsOnServer}. */
    List<Migration> migrations();

    /** Whether the migrations can only be listed with a database's help (Flyway asks it how to parse its scripts). */
    default boolean listsOnServer() {
        return false;
    }

    /** Lists the migrations, once, on the empty database {@code database} opens; only when {@link #listsOnServer}. */
    default void list(Callable<Connection> database) {
    }

    /** What the runner found and leaves out (a Flyway version it reports as ignored or missing), for the report. */
    default List<String> leftOut() {
        return List.of();
    }

    /** Releases what the source holds open (the project's classes); nothing by default. */
    @Override
    default void close() {
    }

    /**
     * Applies all migrations through {@code connection}, telling {@code listener} where each one
     * starts and ends. A failing migration is reported to the listener and ends the run normally;
     * a problem outside any migration (a changelog that does not parse) is thrown.
     */
    default void apply(Connection connection, MigrationListener listener) {
        apply(connection, listener, Set.of());
    }

    /**
     * Like {@link #apply(Connection, MigrationListener)} on a database that already holds
     * {@code alreadyApplied} (a copy of a baseline template): those are not applied again.
     */
    void apply(Connection connection, MigrationListener listener, Set<Migration> alreadyApplied);

    /**
     * The line of {@code migration}'s source file where the statement {@code sql} begins, looking
     * from {@code fromLine} onwards; {@code fromLine} when the text cannot be found (generated SQL).
     */
    int locate(Migration migration, String sql, int fromLine);

    /** How the project undoes {@code migration}, or {@link Undo#none} saying why it cannot. */
    default Undo undo(Migration migration) {
        return Undo.none("the plugin knows no undo for this kind of migration");
    }

    /** The migration's own text (the SQL file, or the changeset's part of its changelog), where suppression comments live. */
    String text(Migration migration);
}
