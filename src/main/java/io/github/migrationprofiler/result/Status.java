package io.github.migrationprofiler.result;

/** How a migration ended. */
public enum Status {
    PASSED,
    /** The migration raised an SQL error; nothing after it was applied. */
    FAILED,
    /** Not applied, as production would not apply it here: another DBMS, context or label, a precondition marked it ran. */
    SKIPPED,
    /** The run was cancelled (Ctrl-C, SIGTERM) while the migration ran. */
    INTERRUPTED
}
