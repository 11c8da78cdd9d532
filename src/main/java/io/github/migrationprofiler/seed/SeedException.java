package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.support.ProfilerException;

/** Seeding cannot satisfy the schema; the message names the table, the constraint and the override. */
public class SeedException extends ProfilerException {

    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
