package io.github.migrationprofiler;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a run created, newest first: on a normal end through {@link #close()}, and on
 * Ctrl-C or SIGTERM through a JVM shutdown hook, so that no scratch database or server outlives
 * the build. Closing twice is harmless; the hook is removed once the run has cleaned up itself.
 */
public final class Cleanup implements AutoCloseable {

    private final ProfilerLog log;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "migration-profiler-cleanup");

    public Cleanup(ProfilerLog log) {
        this.log = log;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a resource to close; returns it for chaining. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting and the hook is (or will be) running: it closes everything
        }
        closeAll();
    }

    private synchronized void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Cleanup of " + resource + " failed: " + e.getMessage());
            }
        }
    }
}
