package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.HeldLocks;
import io.github.migrationprofiler.catalog.LockPoller;
import io.github.migrationprofiler.result.LockMode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locks the migration's backend holds on the application's relations, over time: while a
 * statement runs they are read at once and then every few milliseconds (so long statements and
 * {@code CONCURRENTLY}, which runs outside a transaction, are seen), and once more, exactly,
 * after each statement. A lock counts from when it was first seen until its transaction ends.
 */
final class LockSampler implements AutoCloseable {

    /** Looks at first without pause: a statement that fails fast releases its locks with the error. */
    private static final int EAGER_LOOKS = 20;

    /** One lock: the statement that first held it, and from when. */
    static final class Seen {
        final String relation;
        final LockMode mode;
        final int statement;
        final long firstSeen;
        long released = -1;

        Seen(String relation, LockMode mode, int statement, long firstSeen) {
            this.relation = relation;
            this.mode = mode;
            this.statement = statement;
            this.firstSeen = firstSeen;
        }
    }

    private final HeldLocks locks;
    private final LockPoller poller;
    private final Map<String, Seen> held = new LinkedHashMap<>();
    private final List<Seen> all = new ArrayList<>();
    private int statement;

    LockSampler(Connection observer, int migrationPid) throws SQLException {
        this.locks = new HeldLocks(observer, migrationPid);
        this.poller = new LockPoller("migration-profiler-locks", EAGER_LOOKS, this::read);
    }

    /**
     * Statement number {@code index} starts: looks until {@link #statementEnded} while it runs, or,
     * for a statement that takes its locks at once and keeps them ({@code watch} false), only after it.
     */
    void statementStarted(int index, boolean watch) {
        statement = index;
        if (watch) {
            poller.start();
        }
    }

    /** Stops looking and reads the locks held right now: everything a transaction keeps until it ends. */
    void statementEnded() {
        poller.stop();
        read();
    }

    /** The transaction ended: every lock seen is released now. */
    synchronized void transactionEnded() {
        long now = System.nanoTime();
        held.values().forEach(seen -> seen.released = now);
        held.clear();
    }

    /** The relations statement number {@code index} was seen to lock. */
    synchronized List<String> lockedBy(int index) {
        return seenBy(index).stream().map(seen -> seen.relation).toList();
    }

    /** The locks statement number {@code index} was seen to take. */
    synchronized List<Seen> seenBy(int index) {
        return all.stream().filter(seen -> seen.statement == index).toList();
    }

    /** Every lock seen so far, released or not, and forgets them. */
    synchronized List<Seen> drain() {
        List<Seen> result = new ArrayList<>(all);
        all.clear();
        return result;
    }

    private synchronized void read() {
        long now = System.nanoTime();
        try {
            for (HeldLocks.Held lock : locks.read()) {
                held.computeIfAbsent(lock.relation() + "|" + lock.mode(), k -> {
                    Seen seen = new Seen(lock.relation(), lock.mode(), statement, now);
                    all.add(seen);
                    return seen;
                });
            }
        } catch (SQLException | IllegalArgumentException e) {
            // a missed look only shortens what is seen; the exact read after the statement follows
        }
    }

    @Override
    public void close() throws SQLException {
        poller.stop();
        locks.close();
    }
}
