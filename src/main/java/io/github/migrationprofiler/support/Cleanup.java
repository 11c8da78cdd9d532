package io.github.migrationprofiler.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closes what a run created, newest first: on a normal end through {@link #close()}, and on
 * Ctrl-C or SIGTERM through a JVM shutdown hook, so that no scratch database or server outlives
 * the build. On a shutdown the run is first marked {@link #interrupted()} (the migration that then
 * loses its connection was interrupted, not broken), and the hook waits a little for the run to
 * write its reports before the JVM exits. Closing twice is harmless; the hook is removed once the
 * run has cleaned up itself.
 */
public final class Cleanup implements AutoCloseable {

    /** How long a shutdown waits for the run to write its reports after everything is closed. */
    private static final long REPORT_WAIT_SECONDS = 10;

    private final ProfilerLog log;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::shutdown, "migration-profiler-cleanup");
    private volatile boolean interrupted;

    public Cleanup(ProfilerLog log) {
        this.log = log;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a resource to close; returns it for chaining. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Whether the JVM is shutting down under the run (Ctrl-C, SIGTERM). */
    public boolean interrupted() {
        return interrupted;
    }

    /** The run has written its reports: a shutdown in progress need not wait any longer. */
    public void reported() {
        reported.countDown();
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

    private void shutdown() {
        interrupted = true;
        log.warn("Interrupted: dropping what this run created");
        closeAll();
        try {
            reported.await(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception | LinkageError e) {
                log.warn("Cleanup of " + resource + " failed: " + e.getMessage());
            }
        }
    }
}
