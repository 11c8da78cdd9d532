package io.github.migrationprofiler.source;

/**
 * Thrown by a {@link MigrationListener} to stop applying before a migration starts; sources let it
 * through unchanged. Nothing of that migration has run.
 */
public final class StopApplying extends RuntimeException {

    public StopApplying(Migration before) {
        super("stopped before " + before.label(), null, false, false);
    }
}
