package io.github.migrationprofiler.profile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the locks the migration's backend holds on user relations, from a second connection:
 * while a statement runs it polls {@code pg_locks} at once and then every few milliseconds (so long statements and
 * {@code CONCURRENTLY}, which runs outside a transaction, are seen), and reads once more, exactly,
 * after each statement. A lock counts from when it was first seen until its transaction ends.
 */
final class LockSampler implements AutoCloseable {

    private static final long POLL_MILLIS = 5;
    /** Polls at first without pause: a statement that fails fast releases its locks with the error. */
    private static final int EAGER_POLLS = 20;
    private static final String QUERY = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), l.mode
              FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'""";

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

    private final Connection observer;
    private final PreparedStatement query;
    private final Map<String, Seen> held = new LinkedHashMap<>();
    private final List<Seen> all = new ArrayList<>();
    private Thread poller;
    private final AtomicBoolean polling = new AtomicBoolean();
    private int statement;

    LockSampler(Connection observer, int migrationPid) throws SQLException {
        this.observer = observer;
        this.query = observer.prepareStatement(QUERY);
        this.query.setInt(1, migrationPid);
    }

    /** Polls until {@link #statementEnded} while statement number {@code index} runs. */
    void statementStarted(int index) {
        statement = index;
        polling.set(true);
        poller = new Thread(() -> {
            for (int polls = 0; polling.get(); polls++) {
                read();
                try {
                    Thread.sleep(polls < EAGER_POLLS ? 0 : POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "migration-profiler-locks");
        poller.setDaemon(true);
        poller.start();
    }

    /** Stops polling and reads the locks held right now: everything a transaction keeps until it ends. */
    void statementEnded() {
        polling.set(false);
        if (poller != null) {
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
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
        return all.stream().filter(seen -> seen.statement == index).map(seen -> seen.relation).toList();
    }

    /** Every lock seen so far, released or not, and forgets them. */
    synchronized List<Seen> drain() {
        List<Seen> result = new ArrayList<>(all);
        all.clear();
        return result;
    }

    private synchronized void read() {
        long now = System.nanoTime();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String relation = rs.getString(1);
                LockMode mode = LockMode.fromPg(rs.getString(2));
                held.computeIfAbsent(relation + "|" + mode, k -> {
                    Seen seen = new Seen(relation, mode, statement, now);
                    all.add(seen);
                    return seen;
                });
            }
        } catch (SQLException | IllegalArgumentException e) {
            // a missed sample only shortens what is seen; the exact read after the statement follows
        }
    }

    @Override
    public void close() throws SQLException {
        polling.set(false);
        query.close();
        observer.close();
    }
}
