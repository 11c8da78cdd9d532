package io.github.migrationprofiler.source;

/** Told by a {@link MigrationSource} where each migration starts and ends while it applies them. */
public interface MigrationListener {

    /** Applies without listening: for rehearsals whose only product is the resulting schema. */
    MigrationListener IGNORE = new MigrationListener() {
        @Override public void starting(Migration migration) { }
        @Override public void finished(Migration migration) { }
        @Override public void failed(Migration migration, Exception cause) { }
    };

    void starting(Migration migration);

    /**
     * Whether the statements that follow are the migration's own ({@code true}, the default after
     * {@link #starting}) or the migration tool's bookkeeping around it ({@code false}: changelog
     * tables, preconditions), which is neither timed nor reported.
     */
    default void measuring(boolean migrationWork) {
    }

    /**
     * What production's migration tool would do wrong with the migration starting now, as this
     * run is configured not to (Flyway's transactional lock): reported as a finding.
     */
    default void hazard(String description) {
    }

    void finished(Migration migration);

    /** The migration failed; the source stops applying after it, as production would. */
    void failed(Migration migration, Exception cause);

    /**
     * The migration is not applied here, as production would not apply it on PostgreSQL with this
     * configuration: another DBMS, a context or label not selected, a precondition that marked it as ran.
     */
    default void skipped(Migration migration, String reason) {
    }
}
