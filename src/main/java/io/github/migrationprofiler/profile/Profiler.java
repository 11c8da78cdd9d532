package io.github.migrationprofiler.profile;

import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.analysis.Analyzer;
import io.github.migrationprofiler.analysis.Finding;
import io.github.migrationprofiler.analysis.ForeignKeyGap;
import io.github.migrationprofiler.analysis.MigrationFacts;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a migration source through a traced connection and turns what happened into results:
 * the source says where migrations begin and end; the connection reports each statement and each
 * transaction end. Around every measured statement the profiler reads the relations (before and
 * after: rewrites, table sizes), the timeouts in force and, for data changes, the plan; a second
 * connection watches the locks. The migrations before the first one under review form the
 * baseline; the seeder is called once the baseline stands and after each reviewed migration.
 */
public final class Profiler implements MigrationListener, StatementObserver {

    private final MigrationSource source;
    private final Selection selection;
    private final Seeder seeder;
    private final Analyzer analyzer;
    private final ProfilerLog log;
    private final java.util.function.BooleanSupplier interrupted;
    private final List<String> baseline = new ArrayList<>();
    private final List<MigrationResult> results = new ArrayList<>();
    private Connection connection;
    private LockSampler locks;
    private Map<String, ForeignKeyGap> knownGaps = Map.of();
    private boolean reviewing;
    private Migration lastApplied;
    private int statements;
    private int transaction = 1;
    private Run current;
    private Probe probe;
    private TimingPass timing;
    private io.github.migrationprofiler.stats.ProductionRows production = io.github.migrationprofiler.stats.ProductionRows.NONE;
    private String unprojected;
    private io.github.migrationprofiler.traffic.TrafficPass trafficPass;

    /** @param interrupted whether the run is being cancelled: a migration failing then was interrupted, not broken */
    public Profiler(MigrationSource source, Selection selection, Seeder seeder, Analyzer analyzer, ProfilerLog log,
                    java.util.function.BooleanSupplier interrupted) {
        this.source = source;
        this.selection = selection;
        this.seeder = seeder;
        this.analyzer = analyzer;
        this.log = log;
        this.interrupted = interrupted;
    }

    /**
     * Times each reviewed migration in a clean pass of its own (see {@link TimingPass}) instead of
     * in the instrumented one, {@code iterations} times.
     *
     * @param databases        where the pass gets its databases
     * @param profiled         opens a connection to the instrumented pass's database
     * @param statementTimeout the timeout the migrations run under
     * @return the pass, for the caller to close with the run
     */
    public AutoCloseable timeCleanly(Databases databases, java.util.concurrent.Callable<Connection> profiled, int iterations,
                                     String statementTimeout) {
        timing = new TimingPass(databases, profiled, iterations, statementTimeout, log);
        return timing;
    }

    /**
     * Runs each reviewed migration once more against concurrent queries (see {@link
     * io.github.migrationprofiler.traffic.TrafficPass}), on a copy of the clean pass's follower.
     * Needs {@link #timeCleanly} first.
     */
    public void withTraffic(io.github.migrationprofiler.traffic.TrafficPass pass) {
        this.trafficPass = pass;
    }

    /**
     * Projects each reviewed migration to production's rows: besides the full size, the clean pass
     * measures it at {@code fractions} of the seeded scale, on databases {@code seeders} fill.
     * Needs {@link #timeCleanly} first.
     */
    public void projectTo(io.github.migrationprofiler.stats.ProductionRows production, List<Double> fractions,
                          java.util.function.BiFunction<Double, io.github.migrationprofiler.seed.DataSeeder.Connector, Seeder> seeders) {
        this.production = production;
        timing.atSizes(fractions, seeders);
        if (timing.fractions().size() + 1 < Projections.MIN_SIZES) {
            notProjected("fewer than " + Projections.MIN_SIZES + " sizes to measure at");
        } else {
            log.info("Projecting to production's rows (" + production.describe() + "); each reviewed migration is measured at "
                    + percentages(sizes()) + " of the scale");
        }
    }

    /** Says once, in the log and the reports, why runtimes are not projected to production. */
    public void notProjected(String why) {
        unprojected = "not projected to production: " + why;
        log.info("Runtimes are " + unprojected);
    }

    /** "25 %, 50 %, 100 %". */
    private static String percentages(List<Double> fractions) {
        return fractions.stream().map(f -> Math.round(f * 100) + " %").collect(java.util.stream.Collectors.joining(", "));
    }

    private List<Double> sizes() {
        if (timing == null || timing.fractions().isEmpty() || timing.stopped() != null) {
            return List.of();
        }
        List<Double> sizes = new ArrayList<>(timing.fractions());
        sizes.add(1.0);
        return sizes;
    }

    /**
     * Applies every migration on {@code connection}, watching its locks through {@code observer}
     * (closed at the end); stops after the first failure.
     */
    public Profile profile(Connection connection, Connection observer) throws SQLException {
        return profile(connection, observer, java.util.Set.of());
    }

    /**
     * As {@link #profile(Connection, Connection)}, on a copy of a baseline template that already
     * holds {@code alreadyApplied}: they count as baseline and are not applied again.
     */
    public Profile profile(Connection connection, Connection observer, java.util.Set<Migration> alreadyApplied) throws SQLException {
        this.connection = connection;
        source.migrations().stream().filter(alreadyApplied::contains).forEach(m -> {
            baseline.add(m.label());
            lastApplied = m;
        });
        try (LockSampler sampler = new LockSampler(observer, backendPid(connection))) {
            this.locks = sampler;
            this.knownGaps = ForeignKeyGaps.read(connection);
            source.apply(TracingConnection.wrap(connection, this), this, alreadyApplied);
            if (!reviewing) {
                seeder.seedNewTables(lastApplied); // nothing was under review: the whole history is the baseline, seeded at its end
            }
        }
        RunResult.Timing how = timing == null ? new RunResult.Timing("instrumented", 1, Map.of(), null, List.of(), unprojected)
                : new RunResult.Timing(timing.stopped() == null ? "clean" : "instrumented", timing.iterations(), timing.settings(),
                timing.stopped(), sizes(), sizes().isEmpty() ? unprojected : "projected to production's rows (" + production.describe()
                + ") from " + percentages(sizes()) + " of the scale");
        if (timing != null && timing.trafficCost() != null) {
            log.info("Traffic pass: " + timing.trafficCost() + " (turn it off with -Dmigration-profiler.traffic=false)");
        }
        if (timing != null && !timing.fractions().isEmpty()) {
            log.info(String.format(Locale.ROOT, "Projection: the smaller sizes cost %.1f s (seeding and replaying the migrations)%s",
                    timing.sizesMillis() / 1000, timing.probesMillis() == 0 ? ""
                            : String.format(Locale.ROOT, ", measuring hash joins for foreign keys %.1f s", timing.probesMillis() / 1000)));
        }
        return new Profile(baseline, results, how);
    }

    /** Seeds what the last migration created, and gives the clean pass the same rows. */
    private void seed(Migration applied) {
        List<String> seeded = seeder.seedNewTables(applied);
        if (timing != null) {
            timing.seeded(applied, seeded);
        }
    }

    @Override
    public void starting(Migration migration) {
        boolean selected = selection.includes(migration);
        if (!reviewing && selected) {
            reviewing = true;
            seed(lastApplied);
        }
        current = new Run(migration, reviewing && selected);
        if (current.reviewed) {
            current.start(connection);
        }
        if (timing != null) {
            current.searchPath = searchPath(connection);
        }
    }

    @Override
    public void measuring(boolean migrationWork) {
        if (current != null) {
            current.measuring(migrationWork);
        }
    }

    @Override
    public void sending(Execution execution) {
        if (current != null && current.isMeasuring()) {
            current.recording.sent(execution);
        }
    }

    @Override
    public void starting(String sql) {
        probe = current != null && current.isMeasuring() ? Probe.take(connection, sql, ++statements) : null;
        if (probe != null) {
            locks.statementStarted(probe.index);
        }
    }

    @Override
    public void executed(String sql, long nanos, long rowsAffected, List<String> debugMessages) {
        Probe done = endProbe();
        if (current == null || !current.isMeasuring()) {
            return;
        }
        Draft draft = new Draft(sql, current.locate(sql), millis(nanos), rowsAffected, null, transaction, done);
        if (done != null) {
            draft.after = done.after(connection);
            draft.rewrites = draft.after.rewrittenSince(done.before);
            draft.work = WorkNotices.read(debugMessages, draft.after, locks.lockedBy(done.index), sql, connection);
            for (String relation : locks.lockedBy(done.index)) {
                String table = draft.after.tableOf(relation);
                if (current.existingTables != null && current.existingTables.contains(done.before.oidOf(table))) {
                    current.locked.add(table); // production's traffic runs on it
                }
            }
        }
        current.drafts.add(draft);
        endTransactionIfAutocommit();
    }

    @Override
    public void failed(String sql, long nanos, SQLException error, List<String> debugMessages) {
        Probe done = endProbe();
        if (current != null) { // a failure counts even in bookkeeping: it stops the run
            int line = current.locate(sql);
            current.error = sqlError(error, sql, line);
            Draft draft = new Draft(sql, line, millis(nanos), 0, current.error, transaction, done);
            if (done != null) { // the transaction is aborted: what it did is read against the relations as they were
                draft.work = WorkNotices.read(debugMessages, done.before, locks.lockedBy(done.index), sql, null);
            }
            current.drafts.add(draft);
            current.measuring(false); // what the tool does after the error (rolling back, cleaning up) is not the migration
        }
    }

    @Override
    public void transactionEnded() {
        locks.transactionEnded();
        transaction++;
        if (current != null) {
            current.recording.transactionEnded();
        }
    }

    @Override
    public void finished(Migration migration) {
        if (timing != null && current != null && current.migration.equals(migration)) {
            if (current.reviewed) {
                if (trafficPass != null) {
                    current.traffic = timing.traffic(trafficPass, migration.label(), current.recording, current.searchPath,
                            List.copyOf(current.locked));
                }
                current.clean = timing.time(migration.label(), current.recording, current.searchPath);
            } else {
                timing.follow(migration.label(), current.recording, current.searchPath);
            }
        }
        Run run = end(migration, Status.PASSED);
        lastApplied = migration;
        if (run.reviewed) {
            seed(migration);
        }
    }

    @Override
    public void failed(Migration migration, Exception cause) {
        if (current != null && current.error == null) {
            current.error = sqlError(cause, null, current.migration.line());
        }
        end(migration, interrupted.getAsBoolean() ? Status.INTERRUPTED : Status.FAILED);
    }

    @Override
    public void skipped(Migration migration, String reason) {
        if (current != null && current.migration.equals(migration)) {
            current = null; // a precondition marked it as ran: nothing of it was applied
        }
        if (selection.includes(migration)) {
            results.add(MigrationResult.skipped(migration.id(), migration.author(), migration.source(), migration.line(), reason));
            log.debug(String.format(Locale.ROOT, "%-6s %-50s %s", "SKIP", migration.label(), reason));
        }
    }

    private Probe endProbe() {
        Probe done = probe;
        probe = null;
        if (done != null) {
            locks.statementEnded();
        }
        return done;
    }

    private void endTransactionIfAutocommit() {
        try {
            if (connection.getAutoCommit()) {
                transactionEnded();
            }
        } catch (SQLException e) {
            // a broken connection ends everything; the failure is reported where it happens
        }
    }

    private Run end(Migration migration, Status status) {
        Run run = current != null && current.migration.equals(migration) ? current : new Run(migration, false);
        current = null;
        MigrationResult result = run.result(status, locks.drain(), newForeignKeyGaps(status));
        if (run.reviewed || status != Status.PASSED) {
            results.add(result);
            log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms %10d rows  %s",
                    status, migration.label(), result.millis(), result.rowsAffected(), result.kind()));
            if (result.projection() != null) {
                log.info("       " + result.projection().sentence(result.millis()) + " (" + result.projection().model().json() + ")");
            }
            if (result.traffic() != null) {
                log.info("       traffic: " + result.traffic().describe());
            }
            for (Finding finding : result.findings()) {
                log.warn(String.format(Locale.ROOT, "       [%s] %s: %s%n         → %s", finding.severity().json(),
                        finding.rule(), finding.message(), finding.recommendation()));
            }
        } else if (!reviewing) {
            baseline.add(migration.label());
            log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (baseline)", "APPLY", migration.label(), result.millis()));
        } else {
            log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (not under review)", "APPLY", migration.label(), result.millis()));
        }
        return run;
    }

    /** Foreign keys without an index that appeared since the last migration. */
    private List<ForeignKeyGap> newForeignKeyGaps(Status status) {
        if (status != Status.PASSED) {
            return List.of();
        }
        try {
            Map<String, ForeignKeyGap> now = ForeignKeyGaps.read(connection);
            List<ForeignKeyGap> added = now.entrySet().stream().filter(e -> !knownGaps.containsKey(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            knownGaps = now;
            return added;
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** The session's search_path, for the clean pass to resolve names alike; {@code null} if unreadable. */
    private static String searchPath(Connection connection) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The error PostgreSQL raised, located in the source file (down to the token when the server gives a position). */
    private static SqlError sqlError(Throwable cause, String sql, int statementLine) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                String table = server.getTable() == null ? null
                        : (server.getSchema() == null ? "" : server.getSchema() + ".") + server.getTable();
                return new SqlError(psql.getSQLState(), server.getMessage(), statementLine + linesBefore(sql, server.getPosition()), table);
            }
            if (t instanceof SQLException jdbc) {
                return new SqlError(jdbc.getSQLState(), jdbc.getMessage(), statementLine);
            }
        }
        return new SqlError(null, String.valueOf(cause.getMessage()), statementLine);
    }

    private static int linesBefore(String sql, int position) {
        if (sql == null || position <= 0) {
            return 0;
        }
        return (int) sql.substring(0, Math.min(position - 1, sql.length())).chars().filter(c -> c == '\n').count();
    }

    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    /** What is read just before a measured statement runs, outside its timing. */
    private static final class Probe {
        final int index;
        final RelationSnapshot before;
        final String lockTimeout;
        final String statementTimeout;
        final PlanSummary plan;

        private Probe(int index, RelationSnapshot before, String lockTimeout, String statementTimeout, PlanSummary plan) {
            this.index = index;
            this.before = before;
            this.lockTimeout = lockTimeout;
            this.statementTimeout = statementTimeout;
            this.plan = plan;
        }

        static Probe take(Connection connection, String sql, int index) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), "
                         + WorkNotices.ENABLE)) {
                rs.next();
                return new Probe(index, RelationSnapshot.take(connection), rs.getString(1), rs.getString(2),
                        PlanInspector.isDml(sql) ? PlanInspector.explain(connection, sql) : null);
            } catch (SQLException e) {
                return null; // an aborted transaction: the statement will fail, and that is what gets reported
            }
        }

        /** The relations right after the statement; as before, if they cannot be read. */
        RelationSnapshot after(Connection connection) {
            try {
                return RelationSnapshot.take(connection);
            } catch (SQLException e) {
                return before;
            }
        }
    }

    /** A statement as recorded while its locks may still be held. */
    private static final class Draft {
        final String sql;
        final int line;
        final double millis;
        final long rows;
        final SqlError error;
        final int transaction;
        final Probe probe;
        RelationSnapshot after;
        List<String> rewrites = List.of();
        List<Work> work = List.of();

        Draft(String sql, int line, double millis, long rows, SqlError error, int transaction, Probe probe) {
            this.sql = sql;
            this.line = line;
            this.millis = millis;
            this.rows = rows;
            this.error = error;
            this.transaction = transaction;
            this.probe = probe;
        }

        /** @param existing oids of the tables that existed when the migration began; {@code null} if unknown */
        StatementResult result(List<LockSampler.Seen> seen, long now, Set<Long> existing) {
            if (probe == null) {
                return new StatementResult(sql, line, millis, rows, error, transaction, null, null, List.of(), rewrites, null, List.of());
            }
            RelationSnapshot known = after == null ? probe.before : after; // an index built by the statement is known only after it
            List<LockHeld> held = new ArrayList<>();
            Set<String> touched = new LinkedHashSet<>();
            for (LockSampler.Seen lock : seen) {
                if (lock.statement == probe.index) {
                    long released = lock.released >= 0 ? lock.released : now;
                    String table = tableOf(lock.relation, known);
                    held.add(new LockHeld(lock.relation, lock.mode.display(), millis(released - lock.firstSeen), lock.mode.blocks(), table));
                    touched.add(table);
                }
            }
            rewrites.forEach(r -> touched.add(tableOf(r, known)));
            work.forEach(w -> touched.add(w.table()));
            List<TableStat> stats = touched.stream().map(probe.before::stat).filter(java.util.Objects::nonNull)
                    .map(t -> existing != null && !existing.contains(probe.before.oidOf(t.table())) ? t.createdHere() : t).toList();
            PlanSummary plan = probe.plan == null ? null
                    : new PlanSummary(probe.plan.nodeTypes(), probe.plan.seqScans(), probe.plan.estimatedRows(), rows);
            return new StatementResult(sql, line, millis, rows == 0 ? rewrittenRows() : rows, error, transaction, probe.lockTimeout,
                    probe.statementTimeout, held, rewrites, plan, stats, work);
        }

        /**
         * DDL reports no update count, yet a rewrite writes every row of its tables again: those
         * rows (planner statistics from before it) are its work, to read its runtime against.
         */
        private long rewrittenRows() {
            return rewrites.stream().map(probe.before::stat).filter(java.util.Objects::nonNull).mapToLong(TableStat::rows).sum();
        }

        private String tableOf(String relation, RelationSnapshot known) {
            String table = known.tableOf(relation);
            return table.equals(relation) ? probe.before.tableOf(relation) : table;
        }
    }

    /** The migration being applied now; its time is the sum of its measured windows. */
    private final class Run {
        final Migration migration;
        final boolean reviewed;
        final List<Draft> drafts = new ArrayList<>();
        long windowStart = System.nanoTime();
        long measuredNanos;
        int cursor;
        SqlError error;
        Set<Long> existingTables;
        SchemaChanges schemaAtStart;
        final Recording recording = new Recording();
        String searchPath;
        TimingPass.Clean clean;
        final Set<String> locked = new LinkedHashSet<>();
        io.github.migrationprofiler.traffic.Traffic traffic;

        Run(Migration migration, boolean reviewed) {
            this.migration = migration;
            this.reviewed = reviewed;
            this.cursor = migration.line();
        }

        /**
         * Notes what exists before the migration (what it creates itself is nobody's traffic yet),
         * and gives it the session's own lock_timeout: one an earlier migration SET does not
         * protect this one in production, where it may run on a connection of its own.
         */
        void start(Connection connection) {
            try (Statement reset = connection.createStatement()) {
                reset.execute("RESET lock_timeout");
                existingTables = RelationSnapshot.take(connection).tableOids();
                schemaAtStart = SchemaChanges.take(connection);
            } catch (SQLException e) {
                existingTables = null; // unknown: every table counts as one production already has
            }
        }

        /** Tables dropped, renamed or retyped by the migration, which old code running meanwhile would trip on. */
        List<io.github.migrationprofiler.analysis.SchemaChange> schemaChanges(Status status) {
            if (schemaAtStart == null || status != Status.PASSED) {
                return List.of();
            }
            try {
                return SchemaChanges.take(connection).since(schemaAtStart);
            } catch (SQLException e) {
                return List.of();
            }
        }

        boolean isMeasuring() {
            return windowStart >= 0;
        }

        void measuring(boolean on) {
            long now = System.nanoTime();
            if (on && !isMeasuring()) {
                windowStart = now;
            } else if (!on && isMeasuring()) {
                measuredNanos += now - windowStart;
                windowStart = -1;
            }
        }

        int locate(String sql) {
            cursor = source.locate(migration, sql, cursor);
            return cursor;
        }

        /**
         * How long a lock taken by statement {@code i} stays held in the clean run: from that
         * statement to the end of its transaction, so hold times and runtimes come from the same
         * unobserved run (the instrumented pass's probes between statements lengthen its holds).
         */
        private double heldUntilTransactionEnd(List<StatementResult> measured, int i) {
            return Math.round(Projections.untilTransactionEnd(measured, clean.statements(), i) * 1_000.0) / 1_000.0;
        }

        /**
         * Why the clean run cannot stand for this migration, or {@code null}: it must have run the
         * same statements and changed the same rows, or the follower's state was not this one's.
         */
        private String divergence() {
            if (clean.statements().length != drafts.size()) {
                return "the clean pass ran " + clean.statements().length + " statement(s), the instrumented pass " + drafts.size();
            }
            for (int i = 0; i < drafts.size(); i++) {
                if (clean.rows()[i] != drafts.get(i).rows) {
                    return "statement " + (i + 1) + " changed " + clean.rows()[i] + " row(s) in the clean pass and "
                            + drafts.get(i).rows + " in the instrumented pass, so their data differ";
                }
            }
            return null;
        }

        MigrationResult result(Status status, List<LockSampler.Seen> seen, List<ForeignKeyGap> gaps) {
            measuring(false);
            long now = System.nanoTime();
            List<StatementResult> measured = drafts.stream().map(d -> d.result(seen, now, existingTables)).toList();
            long rows = measured.stream().mapToLong(StatementResult::rowsAffected).sum();
            double instrumented = millis(measuredNanos);
            String divergence = clean == null ? null : divergence();
            boolean cleanly = clean != null && divergence == null;
            List<StatementResult> statements = !cleanly ? measured : java.util.stream.IntStream.range(0, measured.size())
                    .mapToObj(i -> measured.get(i).timed(clean.statements()[i],
                            clean.statementIterations() == null ? null : clean.statementIterations()[i],
                            heldUntilTransactionEnd(measured, i))).toList();
            double millis = cleanly ? clean.millis() : instrumented;
            Projections.Projected projected = cleanly && status == Status.PASSED ? Projections.project(statements, clean.sizes(),
                    production, timing.probes()) : null;
            if (projected != null) {
                statements = projected.statements();
            }
            Analyzer.Analysis analysis = analyzer.analyze(new MigrationFacts(statements, millis, gaps, schemaChanges(status),
                    status == Status.PASSED ? traffic : null), source.text(migration));
            List<String> warnings = reviewed && status == Status.PASSED && timing != null && !cleanly
                    ? List.of("timed in the instrumented pass, which its own observation slows down: "
                    + (timing.stopped() != null ? timing.stopped() : divergence))
                    : List.of();
            return new MigrationResult(migration.id(), migration.author(), migration.source(), migration.line(),
                    status, millis, rows, statements, status == Status.FAILED ? error : null, warnings,
                    analysis.kind(), analysis.findings(), null, List.of(), null, cleanly ? instrumented : null,
                    cleanly ? clean.iterations() : null, projected == null ? null : projected.migration(),
                    status == Status.PASSED ? traffic : null);
        }
    }
}
