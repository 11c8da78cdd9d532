package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.catalog.Settings;
import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.Selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The instrumented pass: applies the migrations through their own runner on a traced connection
 * and watches each statement from outside. Around every measured statement it reads the
 * relations (before and after: rewrites, table sizes), the timeouts in force and, for data
 * changes, the plan; a second connection watches the locks. The runner says where migrations
 * begin and end; the connection reports each statement and each transaction end. The run is told
 * of each migration as it ends ({@link Stages#applied}), while the state before it still stands
 * elsewhere, and when rows are due ({@link Stages#seed}).
 */
public final class InstrumentedPass implements MigrationListener, StatementObserver {

    private static final Pattern CONCURRENTLY = Pattern.compile("\\bCONCURRENTLY\\b", Pattern.CASE_INSENSITIVE);

    /** What the run does as the migrations are applied, in their order. */
    public interface Stages {

        /**
         * Tables that exist after {@code applied} get their rows now: once the baseline stands
         * (before the first reviewed migration), and after each reviewed migration.
         *
         * @param applied the last migration applied, {@code null} before any
         */
        void seed(Migration applied);

        /** A migration was applied, failed or was skipped here. */
        void applied(Observed observed);

        /** {@code migration} is about to be applied. */
        default void starting(Migration migration) {
        }

        /**
         * Whether migrations run again elsewhere, on the state before them: then each one's
         * {@code search_path} is read as it begins, for the replays to resolve names alike.
         */
        default boolean replaysMigrations() {
            return true;
        }
    }

    private final MigrationSource source;
    private final Selection selection;
    private final ForeignKeyGaps foreignKeys;
    private final BooleanSupplier interrupted;
    private final List<String> baseline = new ArrayList<>();
    private Stages stages;
    private Connection connection;
    private LockSampler locks;
    /** Foreign keys without an index as of the last migration; {@code null} when they could not be read then. */
    private Map<String, ForeignKeyGap> knownGaps;
    /** Why the foreign keys could not be read, the last time they could not. */
    private String gapFailure;
    private boolean reviewing;
    private Migration lastApplied;
    private int statements;
    private int transaction = 1;
    private Applying current;
    /** The tool's bookkeeping since the last migration ended, which the next one's replays send first. */
    private Recording betweenMigrations = new Recording();
    private Probe probe;
    /** Why the statement running now could not be watched; {@code null} when it is. */
    private String probeFailure;
    /** The relations as the last measured statement left them; {@code null} when something else may have run since. */
    private Relations known;

    /**
     * @param foreignKeys reads the foreign keys without an index
     * @param interrupted whether the run is being cancelled: a migration failing then was interrupted, not broken
     */
    public InstrumentedPass(MigrationSource source, Selection selection, ForeignKeyGaps foreignKeys, BooleanSupplier interrupted) {
        this.source = source;
        this.selection = selection;
        this.foreignKeys = foreignKeys;
        this.interrupted = interrupted;
    }

    /**
     * Applies every migration on {@code connection}, watching its locks through {@code observer}
     * (closed at the end); stops after the first failure. A database copied from a baseline
     * template already holds {@code alreadyApplied}: they count as baseline and are not applied again.
     *
     * @return the baseline: the migrations applied before the first one under review
     */
    public List<String> run(Connection connection, Connection observer, Set<Migration> alreadyApplied, Stages stages)
            throws SQLException {
        this.connection = connection;
        this.stages = stages;
        source.migrations().stream().filter(alreadyApplied::contains).forEach(m -> {
            baseline.add(m.label());
            lastApplied = m;
        });
        try (LockSampler sampler = new LockSampler(observer, Settings.backendPid(connection))) {
            this.locks = sampler;
            knownGaps = readGaps();
            source.apply(TracingConnection.wrap(connection, this), this, alreadyApplied);
            if (!reviewing) {
                stages.seed(lastApplied); // nothing was under review: the whole history is the baseline, seeded at its end
            }
        }
        return List.copyOf(baseline);
    }

    @Override
    public void starting(Migration migration) {
        stages.starting(migration);
        boolean selected = selection.includes(migration);
        if (!reviewing && selected) {
            reviewing = true;
            stages.seed(lastApplied);
        }
        known = null; // the runner's bookkeeping ran since the last statement
        current = new Applying(migration, reviewing && selected, !reviewing, source);
        current.recording.startWith(betweenMigrations);
        betweenMigrations = new Recording();
        if (current.reviewed) {
            current.start(connection);
        }
        if (stages.replaysMigrations()) {
            current.readSearchPath(connection);
        }
    }

    @Override
    public void hazard(String description) {
        if (current != null) {
            current.hazards.add(description);
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
        if (current == null) {
            betweenMigrations.bookkept(execution);
        } else if (current.isMeasuring()) {
            current.recording.sent(execution);
        } else {
            current.recording.bookkept(execution);
        }
    }

    @Override
    public void starting(String sql) {
        probe = null;
        probeFailure = null;
        if (current == null || !current.isMeasuring()) {
            return;
        }
        try {
            probe = Probe.take(connection, sql, ++statements, known);
            locks.statementStarted(probe.index, !probe.rowsOnly);
        } catch (SQLException e) {
            probeFailure = e.getMessage();
        }
    }

    @Override
    public void executed(String sql, long nanos, long rowsAffected, List<String> debugMessages) {
        Probe done = endProbe();
        if (current == null || !current.isMeasuring()) {
            return;
        }
        Draft draft = new Draft(sql, current.locate(sql), Replay.millis(nanos), rowsAffected, null, transaction, done);
        if (done == null && probeFailure != null) {
            current.warnings.add("The statement at line " + draft.line + " was not watched (" + probeFailure
                    + "): its locks, rewrites and work are missing");
        }
        if (done != null) {
            draft.after = done.rowsOnly ? done.before : relationsAfter(done, draft.line);
            draft.rewrites = draft.after.rewrittenSince(done.before);
            draft.work = WorkNotices.read(debugMessages, draft.after, locks.lockedBy(done.index), sql, connection);
            Set<String> seen = new HashSet<>();
            for (LockSampler.Seen lock : locks.seenBy(done.index)) {
                if (!done.before.has(lock.relation)) {
                    continue; // the index the statement builds: no query waits for a relation it cannot know yet
                }
                String table = draft.tableOf(lock.relation); // a dropped index's table is known from before
                seen.add(table);
                current.locked(table, done.before.oidOf(table), lock.mode, done.before.stat(table));
            }
            for (String table : draft.after.indexedSince(done.before)) {
                if (!seen.contains(table)) { // an index built between two looks: its table's lock was not seen
                    current.locked(table, done.before.oidOf(table), concurrently(sql) ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE,
                            done.before.stat(table));
                }
            }
        }
        current.drafts.add(draft);
        endTransactionIfAutocommit();
    }

    @Override
    public void failed(String sql, long nanos, SQLException error, List<String> debugMessages) {
        Probe done = endProbe();
        known = null;
        (current != null ? current.recording : betweenMigrations).failedBookkeeping();
        if (current != null) { // a failure counts even in bookkeeping: it stops the run
            int line = current.locate(sql);
            current.error = SqlErrors.of(error, sql, line);
            Draft draft = new Draft(sql, line, Replay.millis(nanos), 0, current.error, transaction, done);
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
        (current != null ? current.recording : betweenMigrations).transactionEnded();
    }

    @Override
    public void finished(Migration migration) {
        Observed observed = end(migration, Status.PASSED);
        lastApplied = migration;
        if (!reviewing) {
            baseline.add(migration.label());
        }
        stages.applied(observed);
        if (observed.reviewed()) {
            stages.seed(migration);
        }
    }

    @Override
    public void failed(Migration migration, Exception cause) {
        if (current != null && current.error == null) {
            current.error = SqlErrors.of(cause, null, current.migration.line());
        }
        stages.applied(end(migration, interrupted.getAsBoolean() ? Status.INTERRUPTED : Status.FAILED));
    }

    @Override
    public void skipped(Migration migration, String reason) {
        if (current != null && current.migration.equals(migration)) {
            betweenMigrations = current.recording; // a precondition marked it as ran: only the tool's bookkeeping was sent
            current = null;
        }
        if (selection.includes(migration)) {
            stages.applied(Observed.skipped(migration, reason));
        }
    }

    private static boolean concurrently(String sql) {
        return CONCURRENTLY.matcher(sql).find();
    }

    /** The relations right after a statement; as before it, with a warning, when they cannot be read. */
    private Relations relationsAfter(Probe done, int line) {
        try {
            known = Relations.take(connection);
            return known;
        } catch (SQLException e) {
            known = null;
            current.warnings.add("The relations after the statement at line " + line + " could not be read (" + e.getMessage()
                    + "): whether it rewrote a table is not known");
            return done.before;
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

    private Observed end(Migration migration, Status status) {
        Applying run = current != null && current.migration.equals(migration) ? current
                : new Applying(migration, false, !reviewing, source);
        current = null;
        return run.observed(connection, status, locks.drain(), status == Status.PASSED ? newGaps(run.warnings) : List.of());
    }

    /** Foreign keys without an index that appeared since the last migration; a warning when that cannot be told. */
    private List<ForeignKeyGap> newGaps(List<String> warnings) {
        Map<String, ForeignKeyGap> before = knownGaps;
        knownGaps = readGaps();
        if (before == null || knownGaps == null) {
            warnings.add("foreign-key-without-index was not checked: the foreign keys " + (knownGaps == null ? "after" : "before")
                    + " the migration could not be read (" + gapFailure + ")");
            return List.of();
        }
        return knownGaps.entrySet().stream().filter(e -> !before.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private Map<String, ForeignKeyGap> readGaps() {
        try {
            return foreignKeys.read(connection);
        } catch (SQLException e) {
            gapFailure = e.getMessage();
            return null;
        }
    }
}
