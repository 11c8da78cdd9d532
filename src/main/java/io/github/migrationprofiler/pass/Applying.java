package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.catalog.SchemaSnapshot;
import io.github.migrationprofiler.catalog.Settings;
import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.SchemaChange;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The migration the instrumented pass is applying now; its time is the sum of its measured windows. */
final class Applying {

    final Migration migration;
    final boolean reviewed;
    final boolean baseline;
    final List<Draft> drafts = new ArrayList<>();
    final Recording recording = new Recording();
    final List<String> warnings = new ArrayList<>();
    /** What production's migration tool would do wrong with it. */
    final List<String> hazards = new ArrayList<>();
    private final MigrationSource source;
    private final Set<String> locked = new LinkedHashSet<>();
    private final Map<String, String> quiet = new LinkedHashMap<>();
    private long windowStart = System.nanoTime();
    private long measuredNanos;
    private int cursor;
    private String searchPath;
    private Set<Long> existingTables;
    private SchemaSnapshot schemaAtStart;
    SqlError error;

    Applying(Migration migration, boolean reviewed, boolean baseline, MigrationSource source) {
        this.migration = migration;
        this.reviewed = reviewed;
        this.baseline = baseline;
        this.source = source;
        this.cursor = migration.line();
    }

    /**
     * Notes what exists before a reviewed migration (what it creates itself is nobody's traffic
     * yet), and gives it the session's own lock_timeout: one an earlier migration SET does not
     * protect this one in production, where it may run on a connection of its own.
     */
    void start(Connection connection) {
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET lock_timeout");
            existingTables = Relations.take(connection).tableOids();
        } catch (SQLException e) {
            existingTables = null; // every table counts as one production already has
            warnings.add("The tables that existed before the migration could not be read (" + e.getMessage()
                    + "): every table it touched counts as one production already has");
        }
        try {
            schemaAtStart = SchemaSnapshot.take(connection);
        } catch (SQLException e) {
            warnings.add("breaking-change was not checked: the schema before the migration could not be read: " + e.getMessage());
        }
    }

    /** The session's search_path as the migration begins, for the replays to resolve names alike. */
    void readSearchPath(Connection connection) {
        try {
            searchPath = Settings.current(connection, "search_path");
        } catch (SQLException e) {
            warnings.add("search_path could not be read (" + e.getMessage() + "): the replays resolve names by the server's default");
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

    /** The line where {@code sql} begins in the migration's file, looking on from the last statement's. */
    int locate(String sql) {
        cursor = source.locate(migration, sql, cursor);
        return cursor;
    }

    /**
     * A table the statement locked in {@code mode} ({@code null}: not seen, taken as blocking). It
     * counts for the traffic pass if it existed before the migration (production's traffic runs on
     * it), holds rows, and the mode blocks writes; otherwise why not is kept.
     */
    void locked(String table, long oid, LockMode mode, TableStat before) {
        if (existingTables != null && !existingTables.contains(oid)) {
            return;
        }
        if (mode != null && !mode.blocksWrites()) {
            quiet.putIfAbsent(table, mode.display() + " on " + table + " blocks no read or write");
        } else if (before != null && before.rows() == 0) {
            quiet.putIfAbsent(table, table + " holds no rows");
        } else {
            locked.add(table);
        }
    }

    /** Why no traffic would wait for this migration, when none would. */
    private String unblocking() {
        if (!locked.isEmpty()) {
            return null;
        }
        return quiet.isEmpty() ? "it locks no table that existed before it" : String.join("; ", quiet.values());
    }

    /** Tables dropped, renamed or retyped by the migration, which old code running meanwhile would trip on. */
    private List<SchemaChange> schemaChanges(Connection connection, Status status) {
        if (schemaAtStart == null || status != Status.PASSED) {
            return List.of();
        }
        try {
            return SchemaSnapshot.take(connection).since(schemaAtStart);
        } catch (SQLException e) {
            warnings.add("breaking-change was not checked: the schema after the migration could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /** What the migration did, now that it has ended; {@code gaps} are the foreign keys it added without an index. */
    Observed observed(Connection connection, Status status, List<LockSampler.Seen> seen, List<ForeignKeyGap> gaps) {
        measuring(false);
        long now = System.nanoTime();
        List<StatementResult> statements = drafts.stream().map(d -> d.result(seen, now, existingTables)).toList();
        List<SchemaChange> changes = schemaChanges(connection, status);
        return new Observed(migration, reviewed, baseline, status, statements, drafts.stream().map(d -> d.rows).toList(),
                Replay.millis(measuredNanos),
                status == Status.FAILED ? error : null, recording, searchPath, List.copyOf(locked), unblocking(), gaps, changes, warnings,
                hazards, null);
    }
}
