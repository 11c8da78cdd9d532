package io.github.migrationprofiler.pass.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One application connection: at a steady rate it sends one of its queries, drawn at random (the
 * everyday mix of each table, or the application's own), and records each query's start, end and
 * outcome. A query that is due while the previous one still runs is sent as soon as that one ends,
 * as a connection pool's next request would be, and its latency counts from when it was due: the
 * requests that pile up behind a blocked one wait too. It stops by itself when told, or when its
 * connection is gone.
 */
final class Client implements Runnable {

    /** One query: when it was due, started and ended ({@code System.nanoTime}), what it was, and its SQLSTATE if it failed. */
    record Query(long due, long start, long end, int pid, boolean write, String table, String sql, String sqlState) {

        /** Its latency as the application sees it: from when it was due. */
        double millis() {
            return (end - due) / 1e6;
        }
    }

    private final Connection connection;
    private final int pid;
    private final List<Template> templates;
    private final long periodNanos;
    private final Random random;
    private final List<Query> queries = new ArrayList<>();
    private volatile boolean stopping;
    private volatile PreparedStatement running;
    /** The first deadlock one of its queries lost, with the server's account of both sides; {@code null} when none did. */
    private volatile SQLException deadlock;

    Client(Connection connection, int pid, List<Template> templates, int rate, long seed) {
        this.connection = connection;
        this.pid = pid;
        this.templates = templates;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        this.random = new Random(seed);
    }

    int pid() {
        return pid;
    }

    @Override
    public void run() {
        long due = System.nanoTime();
        while (!stopping) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            Template query = templates.get(random.nextInt(templates.size()));
            long start = System.nanoTime();
            String state = null;
            try (PreparedStatement s = connection.prepareStatement(query.sql())) {
                running = s;
                s.setObject(1, query.keys().get(random.nextInt(query.keys().size())));
                connection.setAutoCommit(!query.rolledBack());
                s.execute();
                if (query.rolledBack()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                rollBack(query);
                state = e.getSQLState() == null ? "unknown" : e.getSQLState();
                if (deadlock == null && Deadlocks.is(e)) {
                    deadlock = e;
                }
                if (stopping || state.startsWith("08")) {
                    return; // cancelled at the end, or the connection is gone: nothing more to measure
                }
            } finally {
                running = null;
            }
            synchronized (queries) {
                queries.add(new Query(due, start, System.nanoTime(), pid, query.write(), query.table(), query.sql(), state));
            }
            due += periodNanos;
        }
    }

    /** Ends the failed query's transaction, when it had one, so that the next query starts clean. */
    private void rollBack(Template query) {
        if (query.rolledBack()) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // the connection is gone: the loop ends on its SQLSTATE
            }
        }
    }

    /** Stops the loop; a query still waiting is cancelled (and not counted). */
    void stop() {
        stopping = true;
        PreparedStatement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                // it ended meanwhile
            }
        }
    }

    SQLException deadlock() {
        return deadlock;
    }

    /**
     * The query this connection had waited longest on, of those begun by {@code at}: in a deadlock
     * the migration lost, the one that waited for it.
     */
    String longestBefore(long at) {
        return queries().stream().filter(q -> q.start() <= at).max(Comparator.comparingLong(q -> q.end() - q.start()))
                .map(Query::sql).orElse(null);
    }

    /** The query that lost a deadlock, when one did. */
    String deadlockQuery() {
        return queries().stream().filter(q -> Deadlocks.DETECTED.equals(q.sqlState())).map(Query::sql).findFirst().orElse(null);
    }

    List<Query> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }
}
