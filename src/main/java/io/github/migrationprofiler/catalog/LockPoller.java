package io.github.migrationprofiler.catalog;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes a look at PostgreSQL's lock tables every few milliseconds, on a thread of its own, until
 * stopped: the one poller behind the instrumented pass's lock timeline ({@link HeldLocks}) and the
 * traffic pass's waits ({@link LockWaits}). A look that fails is skipped, never fatal: a missed
 * sample only shortens what is seen.
 */
public final class LockPoller {

    /** Between two looks: short enough to see a lock held for a few milliseconds. */
    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final String name;
    private final int eagerLooks;
    private final Runnable look;
    private volatile boolean polling;
    private Thread thread;

    /**
     * @param name       the thread's name
     * @param eagerLooks how many looks to take at once, without a pause, before settling to the interval:
     *                   a statement that fails fast releases its locks with the error
     * @param look       one look; it records what it sees itself
     */
    public LockPoller(String name, int eagerLooks, Runnable look) {
        this.name = name;
        this.eagerLooks = eagerLooks;
        this.look = look;
    }

    /** Starts looking; a poller already looking goes on. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        polling = true;
        thread = new Thread(this::poll, name);
        thread.setDaemon(true); // never keeps the build alive
        thread.start();
    }

    /** Stops looking and waits for the look under way. */
    public synchronized void stop() {
        polling = false;
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void poll() {
        for (int looks = 0; polling; looks++) {
            long at = System.nanoTime();
            look.run();
            if (looks >= eagerLooks) {
                LockSupport.parkNanos(Math.max(0, at + INTERVAL_NANOS - System.nanoTime()));
            }
        }
    }
}
