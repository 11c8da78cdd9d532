package io.github.migrationprofiler.profile;

/** How a migration ended. */
public enum Status {
    PASSED,
    /** The migration raised an SQL error; nothing after it was applied. */
    FAILED
}
