package io.github.migrationprofiler.profile;

import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.stats.StatsReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The clean timing pass. Observing a migration slows it down (a lock poller competes for the CPU,
 * probes run between its statements), so the runtime users act on comes from elsewhere: a second
 * database, the follower, that replays every migration the instrumented pass applied, with the
 * rows the seeder wrote copied in, and so holds the same state before each migration. There a
 * reviewed migration runs with nothing else going on, timed as {@code psql \timing} would time
 * it: its statements and its commits. With several iterations, each but the last runs on a fresh
 * copy of the follower ({@code CREATE DATABASE … TEMPLATE}), the last on the follower itself.
 * If a replay fails where the instrumented pass succeeded, the follower is dropped and later
 * runtimes come from the instrumented pass, with a warning.
 * <p>
 * For projections, followers at smaller sizes ({@link ScaledFollower}) follow along, and each
 * reviewed migration runs once on each of them as well.
 */
final class TimingPass implements AutoCloseable {

    /** What makes a commit durable; production runs with all of them on, and the results say how they were here. */
    private static final List<String> DURABILITY = List.of("fsync", "full_page_writes", "synchronous_commit");

    /**
     * A reviewed migration's clean runtime.
     *
     * @param millis     median of the runs' totals (statements and commits)
     * @param iterations the spread over the runs, {@code null} for one run
     * @param statements each statement's median, in order
     * @param statementIterations each statement's spread, {@code null} for one run
     * @param rows       each statement's update count in the last run, to check the follower's state against
     * @param sizes      the runs at every measured size, the full one included, smallest first (one size without projections)
     */
    record Clean(double millis, Iterations iterations, double[] statements, Iterations[] statementIterations, long[] rows,
                 List<ScaledFollower.Timed> sizes) {
    }

    /** One timed replay: the total (statements and commits), each statement, each statement's update count. */
    record Run(double millis, double[] statements, long[] rows) {
    }

    private final Databases databases;
    private final Callable<Connection> profiled;
    private final int iterations;
    private final String statementTimeout;
    private final ProfilerLog log;
    private Databases.Database follower;
    private Connection connection;
    private Connection profiledConnection;
    private Map<String, String> settings = Map.of();
    private String stopped;
    private final List<ScaledFollower> sizes = new ArrayList<>();
    private HashProbes probes;
    private int trafficRuns;
    private long trafficNanos;

    /**
     * @param profiled         opens a connection to the instrumented pass's database, to copy seeded rows from
     * @param statementTimeout the timeout the migrations run under
     */
    TimingPass(Databases databases, Callable<Connection> profiled, int iterations, String statementTimeout, ProfilerLog log) {
        this.databases = databases;
        this.profiled = profiled;
        this.iterations = Math.max(1, iterations);
        this.statementTimeout = statementTimeout;
        this.log = log;
        try {
            follower = databases.create(null);
            connection = follower.connect();
        } catch (SQLException | RuntimeException e) {
            stop("its database could not be created: " + e.getMessage());
        }
    }

    /**
     * Adds followers at {@code fractions} of the seeded scale, each with a seeder of its own, for
     * projections. A size that cannot be set up is left out, with a warning.
     */
    void atSizes(List<Double> fractions, java.util.function.BiFunction<Double, io.github.migrationprofiler.seed.DataSeeder.Connector,
            io.github.migrationprofiler.seed.Seeder> seeders) {
        for (double fraction : fractions) {
            if (!following()) {
                return;
            }
            Databases.Database database = null;
            try {
                database = databases.create(null);
                Databases.Database created = database;
                sizes.add(new ScaledFollower(fraction, database, seeders.apply(fraction, created::connect), statementTimeout, log));
            } catch (SQLException | RuntimeException e) {
                if (database != null) {
                    database.close();
                }
                log.warn("Projection: the size at " + fraction + " of the scale could not be set up (" + e.getMessage()
                        + "); projecting from the others");
            }
        }
    }

    /** The fractions of the scale measured besides the full size, smallest first. */
    List<Double> fractions() {
        return sizes.stream().map(ScaledFollower::fraction).toList();
    }

    /** Milliseconds the smaller sizes cost (seeding and replaying), for the log. */
    double sizesMillis() {
        return Profiler.millis(sizes.stream().mapToLong(ScaledFollower::nanos).sum());
    }

    /** Milliseconds spent measuring hash probes, for the log. */
    double probesMillis() {
        return probes == null ? 0 : Profiler.millis(probes.nanos());
    }

    /**
     * The server's hash probe costs, measured on the follower between migrations (nothing else
     * runs then, and the measurement leaves nothing behind); {@code null} once it stopped following.
     */
    HashProbes probes() {
        if (!following()) {
            return null;
        }
        if (probes == null) {
            probes = new HashProbes(() -> connection); // the follower's session is replaced whenever it is copied
        }
        return probes;
    }

    boolean following() {
        return stopped == null;
    }

    /** Why runtimes come from the instrumented pass since some migration; {@code null} while the follower follows. */
    String stopped() {
        return stopped;
    }

    int iterations() {
        return iterations;
    }

    /** {@code fsync}, {@code synchronous_commit}, {@code full_page_writes} as they were while migrations were timed. */
    Map<String, String> settings() {
        return settings;
    }

    /** Applies, untimed, a migration the instrumented pass applied but does not review (the baseline). */
    void follow(String label, Recording recording, String searchPath) {
        if (!following()) {
            return;
        }
        try {
            checkReplayable(recording);
            prepare(connection, searchPath, statementTimeout);
            replay(connection, recording);
        } catch (SQLException e) {
            stop("replaying " + label + " failed: " + e.getMessage());
            return;
        }
        for (ScaledFollower size : List.copyOf(sizes)) {
            try {
                size.follow(recording, searchPath);
            } catch (SQLException | RuntimeException e) {
                drop(size, "replaying " + label + " failed: " + e.getMessage());
            }
        }
    }

    /** Times a reviewed migration on the state before it; {@code null} when the follower cannot (see {@link #stopped()}). */
    Clean time(String label, Recording recording, String searchPath) {
        if (!following()) {
            return null;
        }
        try {
            checkReplayable(recording);
            List<Run> runs = new ArrayList<>();
            for (int i = 1; i < iterations; i++) {
                try (Databases.Database copy = copyOfFollower(); Connection c = copy.connect()) {
                    prepare(c, searchPath, statementTimeout);
                    settle(c, log);
                    runs.add(replay(c, recording));
                }
            }
            prepare(connection, searchPath, statementTimeout);
            settle(connection, log);
            if (settings.isEmpty()) {
                settings = StatsReader.settings(connection, DURABILITY);
            }
            RelationSnapshot before = sizes.isEmpty() ? null : RelationSnapshot.take(connection);
            runs.add(replay(connection, recording));
            List<ScaledFollower.Timed> timed = new ArrayList<>();
            for (ScaledFollower size : List.copyOf(sizes)) {
                try {
                    timed.add(size.time(recording, searchPath));
                } catch (SQLException | RuntimeException e) {
                    drop(size, "replaying " + label + " failed: " + e.getMessage());
                }
            }
            Clean clean = clean(runs);
            if (before != null) {
                timed.add(new ScaledFollower.Timed(1, before, new Run(clean.millis(), clean.statements(), clean.rows())));
            }
            return new Clean(clean.millis(), clean.iterations(), clean.statements(), clean.statementIterations(), clean.rows(),
                    timed);
        } catch (SQLException | RuntimeException e) {
            stop("replaying " + label + " failed: " + e.getMessage());
            return null;
        }
    }

    /**
     * Runs a reviewed migration once more, on a copy of the state before it, against the traffic
     * pass's workload on {@code tables}; the follower stays as it was. {@code null} when the pass
     * cannot run (said in a warning) or has no table to query.
     */
    io.github.migrationprofiler.traffic.Traffic traffic(io.github.migrationprofiler.traffic.TrafficPass pass, String label,
                                                         Recording recording, String searchPath, List<String> tables) {
        if (!following() || tables.isEmpty()) {
            return null;
        }
        long start = System.nanoTime();
        trafficRuns++;
        try (Databases.Database copy = copyOfFollower()) {
            checkReplayable(recording);
            return pass.run(copy::connect, tables, c -> {
                prepare(c, searchPath, statementTimeout);
                replay(c, recording);
            });
        } catch (Exception e) {
            log.warn("Traffic pass for " + label + " failed: " + e.getMessage() + "; its effect on concurrent queries is not measured");
            return null;
        } finally {
            trafficNanos += System.nanoTime() - start;
        }
    }

    /** "12 migration(s), 31.4 s": what the traffic pass cost, for the log; {@code null} when it did not run. */
    String trafficCost() {
        return trafficRuns == 0 ? null : String.format(java.util.Locale.ROOT, "%d migration(s), %.1f s", trafficRuns, trafficNanos / 1e9);
    }

    /** Gives the followers the rows seeded after {@code applied}: the full size copies the seeded {@code tables}, the others seed. */
    void seeded(Migration applied, List<String> tables) {
        copyRows(tables);
        for (ScaledFollower size : List.copyOf(sizes)) {
            try {
                size.seed(applied);
            } catch (RuntimeException e) {
                drop(size, "seeding failed: " + e.getMessage());
            }
        }
    }

    private void drop(ScaledFollower size, String why) {
        log.warn("Projection: the size at " + size.fraction() + " of the scale stopped following (" + why + "); projecting from the others");
        sizes.remove(size);
        size.close();
    }

    /** Copies the rows the seeder wrote into {@code tables} of the instrumented pass's database (in that order) into the follower. */
    private void copyRows(List<String> tables) {
        if (!following() || tables.isEmpty()) {
            return;
        }
        try {
            if (profiledConnection == null || profiledConnection.isClosed()) {
                profiledConnection = profiled.call();
            }
            CopyManager out = profiledConnection.unwrap(PGConnection.class).getCopyAPI();
            CopyManager in = connection.unwrap(PGConnection.class).getCopyAPI();
            List<String> copied = new ArrayList<>();
            for (String table : tables) {
                List<String> columns = storedColumns(profiledConnection, table);
                if (columns == null) {
                    continue; // a partition: its rows come with its parent's
                }
                String list = String.join(", ", columns);
                CopyOut reading = out.copyOut("COPY (SELECT " + list + " FROM " + table + ") TO STDOUT (FORMAT binary)");
                CopyIn writing = in.copyIn("COPY " + table + " (" + list + ") FROM STDIN (FORMAT binary)");
                for (byte[] chunk = reading.readFromCopy(); chunk != null; chunk = reading.readFromCopy()) {
                    writing.writeToCopy(chunk, 0, chunk.length);
                }
                writing.endCopy();
                copied.add(table);
            }
            copySequences();
            if (!copied.isEmpty()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("VACUUM (ANALYZE) " + String.join(", ", copied)); // as the seeder leaves them
                }
            }
        } catch (Exception e) {
            stop("copying seeded rows failed: " + e.getMessage());
        }
    }

    private static void checkReplayable(Recording recording) throws SQLException {
        Execution unreplayable = recording.unreplayable();
        if (unreplayable != null) {
            String sql = SqlText.normalize(unreplayable.sql());
            throw new SQLException("a value bound to '" + (sql.length() > 60 ? sql.substring(0, 60) + "…" : sql)
                    + "' is a stream or LOB, which cannot be sent twice");
        }
    }

    /** The columns COPY must name: stored ones (generated columns compute themselves); {@code null} for a partition. */
    private static List<String> storedColumns(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.relispartition, array_agg(quote_ident(a.attname) ORDER BY a.attnum)
                  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE c.oid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 GROUP BY c.relispartition""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBoolean(1)) {
                    return null;
                }
                return List.of((String[]) rs.getArray(2).getArray());
            }
        }
    }

    /** Sequences advance with seeding as with migrations: the follower's must say the same, or inserts collide. */
    private void copySequences() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement s = profiledConnection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences WHERE last_value IS NOT NULL")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            for (Map.Entry<String, Long> value : values.entrySet()) {
                set.setString(1, value.getKey());
                set.setLong(2, value.getValue());
                set.addBatch();
            }
            set.executeBatch();
        }
    }

    /** A copy of the follower as it is now; its connection is closed for the copy and opened again. */
    private Databases.Database copyOfFollower() throws SQLException {
        connection.close();
        try {
            return databases.create(follower.name());
        } finally {
            connection = follower.connect();
        }
    }

    /** The session the migration would have: the instrumented pass's search_path and timeout, no lock_timeout of an earlier one. */
    static void prepare(Connection c, String searchPath, String statementTimeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET lock_timeout");
            s.execute("SET statement_timeout = '" + statementTimeout + "'");
            if (searchPath != null) {
                s.execute("SET search_path TO " + searchPath);
            }
        }
    }

    /**
     * Writes out what is waiting in shared buffers (the seeder's rows, the instrumented pass's
     * changes, a database copy) before a timed run. In production a migration meets tables whose
     * pages were written long ago; here, without this, a migration on tables larger than shared
     * buffers would write the seeder's pages itself to make room, and grow faster than its own
     * work does. Needs superuser or pg_checkpoint; without them, runs as it is, said once in debug.
     */
    static void settle(Connection c, ProfilerLog log) {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            log.debug("No CHECKPOINT before a timed run: " + e.getMessage());
        }
    }

    /**
     * Sends the recorded statements again in their transactions, timing each statement and each
     * commit; a migration's runtime is its statements plus its commits, as psql shows them.
     */
    static Run replay(Connection c, Recording recording) throws SQLException {
        List<Execution> executions = recording.executions();
        double[] statements = new double[executions.size()];
        long[] rows = new long[executions.size()];
        long commits = 0;
        boolean open = false;
        try {
            for (int i = 0; i < executions.size(); i++) {
                Execution execution = executions.get(i);
                if (c.getAutoCommit() != execution.autoCommit()) {
                    long start = System.nanoTime();
                    c.setAutoCommit(execution.autoCommit()); // switching to autocommit commits what is open
                    commits += open ? System.nanoTime() - start : 0;
                    open = false;
                }
                long start = System.nanoTime();
                rows[i] = execution.replay(c);
                statements[i] = Profiler.millis(System.nanoTime() - start);
                open = !execution.autoCommit();
                if (open && recording.endsAfter(i + 1)) {
                    long commit = System.nanoTime();
                    c.commit();
                    commits += System.nanoTime() - commit;
                    open = false;
                }
            }
            if (open) {
                long commit = System.nanoTime();
                c.commit();
                commits += System.nanoTime() - commit;
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        }
        double total = Profiler.millis(commits);
        for (double statement : statements) {
            total += statement;
        }
        return new Run(Math.round(total * 1_000.0) / 1_000.0, statements, rows);
    }

    private static Clean clean(List<Run> runs) {
        Iterations total = Iterations.of(runs.stream().mapToDouble(Run::millis).toArray());
        int count = runs.get(0).statements().length;
        double[] statements = new double[count];
        Iterations[] spreads = new Iterations[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            spreads[i] = Iterations.of(runs.stream().mapToDouble(r -> r.statements()[index]).toArray());
            statements[i] = spreads[i].medianMillis();
        }
        boolean repeated = runs.size() > 1;
        return new Clean(total.medianMillis(), repeated ? total : null, statements, repeated ? spreads : null,
                runs.get(runs.size() - 1).rows(), List.of());
    }

    private void stop(String why) {
        if (stopped != null) {
            return;
        }
        stopped = why;
        log.warn("Clean timing stopped: " + why + ". Later runtimes come from the instrumented pass, which its own observation slows down");
        closeQuietly();
    }

    private void closeQuietly() {
        sizes.forEach(ScaledFollower::close);
        sizes.clear();
        for (AutoCloseable c : new AutoCloseable[] {connection, profiledConnection}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                log.debug("Closing a timing connection: " + e.getMessage());
            }
        }
        connection = null;
        profiledConnection = null;
        if (follower != null) {
            follower.close();
            follower = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
