package io.github.migrationprofiler.pass.traffic;

import io.github.migrationprofiler.catalog.Settings;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The traffic pass's workload: runs a migration against it, on a database of its own (a copy of the state
 * before the migration), and measures what the workload suffers: client connections send the
 * application's everyday queries on the tables the migration locks; after a warm-up that measures
 * their usual latency, a reader opens a transaction on the first table (as a report query or an
 * idle-in-transaction session does), the migration starts, and the workload goes on until a
 * moment after the migration ended. A watcher sees which backends wait on locks meanwhile.
 * Everything the pass starts stops with it, also when the migration fails.
 */
public final class Workload {

    /** The migration, run on the connection given (its session prepared as the clean pass prepares it). */
    @FunctionalInterface
    public interface Migration {
        void run(Connection connection) throws SQLException;
    }

    /** 100 queries at the default rate: enough for the usual p99, and paid by every migration the pass runs for. */
    private static final long WARM_UP_MILLIS = 500;
    /** What queued behind the migration drains within milliseconds once it commits. */
    private static final long AFTER_MILLIS = 300;
    /** The reader's transaction is open this long before the migration starts, so it holds its lock first. */
    private static final long HEAD_START_MILLIS = 100;
    private static final long STEP_NANOS = 100_000_000;
    private static final String LONG_QUERY = "migration-profiler-long-query";
    /** SQLSTATE lock_not_available: lock_timeout expired. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final TrafficOptions options;
    private final ProfilerLog log;

    public Workload(TrafficOptions options, ProfilerLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * @param database opens connections to the pass's own database
     * @param tables   the tables the migration locks that existed before it
     * @return what the workload suffered; {@code null} when no table can take the workload (said in debug)
     */
    public Traffic run(Callable<Connection> database, List<String> tables, Migration migration) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Client> clients = new ArrayList<>();
        LockWatch watch = null;
        try {
            Connection migrating = open(database, connections);
            List<Template> workload = templates(migrating, tables);
            if (workload.isEmpty()) {
                log.debug("Traffic: none of " + tables + " has rows and a single-column primary key to query by");
                return null;
            }
            List<String> queried = workload.stream().map(Template::table).distinct().toList();
            List<Integer> pids = new ArrayList<>(List.of(Settings.backendPid(migrating)));
            for (int i = 0; i < options.clients(); i++) {
                Connection c = open(database, connections);
                clients.add(new Client(c, Settings.backendPid(c), workload, options.rate(), 42 + i));
                pids.add(clients.get(i).pid());
            }
            Connection reader = options.longQuery().isZero() ? null : open(database, connections);
            if (reader != null) {
                pids.add(Settings.backendPid(reader));
            }
            watch = new LockWatch(open(database, connections), pids, pids.get(0));
            watch.start();
            clients.forEach(c -> threads.add(start(c, "migration-profiler-client")));
            TimeUnit.MILLISECONDS.sleep(WARM_UP_MILLIS);

            LongQuery longQuery = reader == null ? null : new LongQuery(reader, queried.get(0), options.longQuery().toMillis());
            if (longQuery != null) {
                threads.add(start(longQuery, LONG_QUERY));
                TimeUnit.MILLISECONDS.sleep(HEAD_START_MILLIS);
            }
            long start = System.nanoTime();
            boolean retryNeeded = migrate(migration, migrating, pids.get(0), clients);
            long end = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(AFTER_MILLIS);
            stop(clients, watch, threads);
            return measure(queried, clients, watch.looks(), pids.get(0), start, end, retryNeeded,
                    longQuery == null ? 0 : longQuery.heldMillis(), deadlockLost(clients, pids.get(0), migrating));
        } finally {
            stop(clients, watch, threads);
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // the database is dropped next
                }
            }
        }
    }

    /**
     * Runs the migration; whether it gave up on lock_timeout (a deployment retries it). A deadlock it
     * lost is described while the database is there to name its relations.
     */
    private static boolean migrate(Migration migration, Connection migrating, int migrationPid, List<Client> clients)
            throws SQLException {
        try {
            migration.run(migrating);
            return false;
        } catch (SQLException e) {
            if (Deadlocks.is(e)) {
                long at = System.nanoTime();
                throw new SQLException(Deadlocks.describe(e, migrationPid, pid -> client(clients, pid).map(c -> c.longestBefore(at))
                        .orElse(null), migrating), Deadlocks.DETECTED, e);
            }
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            return true;
        }
    }

    /** The deadlock an application query lost to the migration, described; {@code null} when none did. */
    private static String deadlockLost(List<Client> clients, int migrationPid, Connection names) {
        SQLException lost = clients.stream().map(Client::deadlock).filter(Objects::nonNull).findFirst().orElse(null);
        return lost == null ? null : Deadlocks.describe(lost, migrationPid, pid -> client(clients, pid).map(Client::deadlockQuery)
                .orElse(null), names);
    }

    private static Optional<Client> client(List<Client> clients, int pid) {
        return clients.stream().filter(c -> c.pid() == pid).findFirst();
    }

    /** The application's queries when given, else the everyday queries on each table that can take them. */
    private List<Template> templates(Connection connection, List<String> tables) throws SQLException {
        if (options.queries() != null) {
            return ApplicationQueries.read(options.queries(), connection);
        }
        List<Template> workload = new ArrayList<>();
        for (String table : tables) {
            TableQueries queries = TableQueries.of(connection, table);
            if (queries != null) {
                workload.addAll(queries.templates());
            }
        }
        return workload;
    }

    private Traffic measure(List<String> queried, List<Client> clients, List<LockWatch.Look> looks, int migrationPid,
                            long start, long end, boolean retryNeeded, double longQueryMillis, String deadlock) {
        List<Client.Query> all = clients.stream().flatMap(c -> c.queries().stream()).toList();
        List<Client.Query> blocked = all.stream().filter(q -> LockWatch.waitedForMigration(looks, q.pid(), q.start(), q.end())).toList();
        // during the migration and right after it, when what queued behind it drains
        long aftermath = end + TimeUnit.MILLISECONDS.toNanos(AFTER_MILLIS);
        double[] during = all.stream().filter(q -> q.end() >= start && q.due() <= aftermath).mapToDouble(Client.Query::millis).sorted()
                .toArray();
        double[] before = all.stream().filter(q -> q.end() < start).mapToDouble(Client.Query::millis).sorted().toArray();
        Map<String, Integer> errors = new TreeMap<>();
        all.stream().filter(q -> q.sqlState() != null).forEach(q -> errors.merge(q.sqlState(), 1, Integer::sum));
        int deepest = looks.stream().filter(l -> l.at() >= start).mapToInt(l -> l.queueDepth(migrationPid)).max().orElse(0);
        long lastWait = LockWatch.lastWaiting(looks, migrationPid);
        long first = all.stream().mapToLong(Client.Query::due).min().orElse(start);
        List<Traffic.Step> timeline = new ArrayList<>();
        long last = all.stream().mapToLong(Client.Query::end).max().orElse(end);
        for (long step = first; step <= last; step += STEP_NANOS) {
            long from = step;
            List<Client.Query> ended = all.stream().filter(q -> q.end() >= from && q.end() < from + STEP_NANOS).toList();
            timeline.add(new Traffic.Step(round((from - start) / 1e6), ended.size(), (int) ended.stream().filter(blocked::contains).count(),
                    round(ended.stream().mapToDouble(Client.Query::millis).max().orElse(0))));
        }
        double slow = Math.max(50, 10 * percentile(before, 0.99));
        int delayed = (int) all.stream().filter(q -> q.millis() > slow && !blocked.contains(q)).count();
        return new Traffic(queried, clients.size(), all.size(), blocked.size(),
                (int) blocked.stream().filter(q -> !q.write()).count(), (int) blocked.stream().filter(Client.Query::write).count(), delayed,
                round(blocked.stream().mapToDouble(Client.Query::millis).max().orElse(0)), percentile(during, 0.50),
                percentile(during, 0.95), percentile(during, 0.99), percentile(before, 0.99), errors,
                round(LockWatch.waitedMillis(looks, migrationPid)), deepest, round(longQueryMillis), retryNeeded,
                round((end - start) / 1e6), round(lastWait < start ? 0 : (Math.min(lastWait, end) - start) / 1e6), timeline, deadlock);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]);
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }

    private static void stop(List<Client> clients, LockWatch watch, List<Thread> threads) throws InterruptedException {
        clients.forEach(Client::stop);
        if (watch != null) {
            watch.stop();
        }
        threads.stream().filter(t -> t.getName().equals(LONG_QUERY)).forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true); // never keeps the build alive
        thread.start();
        return thread;
    }

    private static Connection open(Callable<Connection> database, List<Connection> connections) throws Exception {
        Connection c = database.call();
        connections.add(c);
        return c;
    }

    /** A reader that holds a transaction open on the table: ACCESS SHARE, which a migration's ACCESS EXCLUSIVE must wait for. */
    private static final class LongQuery implements Runnable {
        private final Connection connection;
        private final String table;
        private final long millis;
        private volatile double heldMillis;

        LongQuery(Connection connection, String table, long millis) {
            this.connection = connection;
            this.table = table;
            this.millis = millis;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                connection.setAutoCommit(false);
                s.execute("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) one");
                TimeUnit.MILLISECONDS.sleep(millis);
                connection.commit();
            } catch (SQLException e) {
                // its connection is gone: the lock went with it
            } catch (InterruptedException e) {
                rollback(); // the pass ended first (a migration that gave up on lock_timeout): nothing waits any more
            } finally {
                heldMillis = (System.nanoTime() - start) / 1e6;
            }
        }

        double heldMillis() {
            return heldMillis;
        }

        private void rollback() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // closed with the pass
            }
        }
    }
}
