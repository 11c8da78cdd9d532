package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Quoting;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.catalog.Tables;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rehearsal's tables look like after each migration: their names and oids, every
 * constraint each one has over time ({@link Lifetime}), and what became of the tables a migration
 * dropped. A table keeps its oid when it is renamed and its columns keep their positions, so a
 * table seen along the way is found again later. A table rebuilt under the same name (create a
 * copy, move the rows, drop the old one, rename) is followed to the copy, its columns by the names
 * they had when it was dropped. A per-table hash computed by the server keeps this cheap: only
 * tables whose columns, constraints or indexes changed are read again.
 */
public final class TableHistory implements MigrationListener {

    /** A table a migration dropped: its last name and column names, and the table that took that name, if any. */
    record Dropped(String name, Map<Integer, String> columns, Long replacedBy) {
    }

    private final Connection connection;
    private final Function<Migration, String> texts;
    private final ProfilerLog log;
    private final TableWrites writes = new TableWrites();
    private final ReservedKeys reserved = new ReservedKeys();
    private final Map<Migration, Integer> clock = new HashMap<>();
    private final Map<Migration, Map<String, Long>> after = new HashMap<>();
    private final Map<Long, Dropped> dropped = new HashMap<>();
    private final Map<Long, Lifetime> lifetimes = new HashMap<>();
    private final Map<Long, String> hashes = new HashMap<>();
    /** Tables a migration needs empty (it adds a NOT NULL column without default): the tick and name of the last such one. */
    private final Map<Long, Integer> emptyAt = new HashMap<>();
    private final Map<Long, String> emptyFor = new HashMap<>();
    private Map<String, Long> names = Map.of();
    private int ticks;

    /** @param texts each migration's own text, where the tables it writes rows into show */
    public TableHistory(Connection connection, Function<Migration, String> texts, ProfilerLog log) {
        this.connection = connection;
        this.texts = texts;
        this.log = log;
    }

    @Override
    public void starting(Migration migration) {
    }

    /**
     * Reads the catalog after {@code migration}. Liquibase has not committed yet at this point: a
     * savepoint keeps a failed read from aborting its transaction.
     */
    @Override
    public void finished(Migration migration) {
        ticks++;
        Savepoint savepoint = null;
        try {
            savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            observe(migration);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            log.warn("The rehearsal could not read the schema after " + migration.label() + " (" + e.getMessage()
                    + "); seeded rows may miss constraints added later");
            try {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            } catch (SQLException broken) {
                // the connection is gone: the rehearsal reports that
            }
        }
    }

    @Override
    public void failed(Migration migration, Exception cause) {
        log.warn("The rehearsal stopped at " + migration.label() + " (" + migration.source() + "): " + cause.getMessage()
                + ". Tables of later migrations are seeded by their schema alone.");
    }

    private void observe(Migration migration) throws SQLException {
        Map<String, Long> now = Tables.tableNames(connection);
        if (!now.equals(names)) {
            Set<Long> remaining = new HashSet<>(now.values());
            for (Map.Entry<String, Long> gone : names.entrySet()) {
                long oid = gone.getValue();
                if (!remaining.contains(oid)) {
                    Lifetime life = lifetimes.get(oid);
                    dropped.put(oid, new Dropped(gone.getKey(), life == null ? Map.of() : Map.copyOf(life.names),
                            now.get(gone.getKey())));
                    if (life != null) {
                        life.close(ticks);
                    }
                    hashes.remove(oid);
                }
            }
            names = now; // most migrations create or drop no table: consecutive ones share one map
        }
        clock.put(migration, ticks);
        after.put(migration, names);
        observeChanged();
        String text = texts.apply(migration);
        noteEmptyTables(migration, text);
        writes.scan(ticks, migration.label(), text);
        for (TableWrites.ColumnCopy copy : TableWrites.columnCopies(text)) {
            names.forEach((name, oid) -> {
                Lifetime life = lifetimes.get(oid);
                if (life != null && TableWrites.names(name, copy.table())) {
                    Integer target = position(life, copy.target());
                    Integer source = position(life, copy.source());
                    if (target != null && source != null && !target.equals(source)) {
                        life.copiedFrom.computeIfAbsent(target, k -> new HashSet<>()).add(source);
                    }
                }
            });
        }
        Map<Long, String> inserted = new LinkedHashMap<>();
        Set<String> targets = writes.writtenAt(ticks);
        names.forEach((name, oid) -> {
            if (targets.stream().anyMatch(written -> TableWrites.names(name, written))) {
                inserted.put(oid, name);
            }
        });
        if (!inserted.isEmpty()) {
            for (Table table : Tables.read(connection, inserted).values()) {
                reserved.observe(connection, table);
            }
        }
    }

    /** Reads again the tables whose hash changed, parents first so foreign keys find their columns. */
    private void observeChanged() throws SQLException {
        Set<Long> changed = new HashSet<>();
        Tables.hashes(connection, names.values()).forEach((oid, hash) -> {
            if (!hash.equals(hashes.put(oid, hash))) {
                changed.add(oid);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        Map<Long, String> read = new LinkedHashMap<>();
        names.forEach((name, oid) -> {
            if (changed.contains(oid)) {
                read.put(oid, name);
            }
        });
        Map<String, Table> tables = Tables.read(connection, read);
        Map<Long, Set<Integer>> before = new HashMap<>();
        tables.values().forEach(t -> before.put(t.oid(), Set.copyOf(lifetimes.containsKey(t.oid())
                ? lifetimes.get(t.oid()).names.keySet() : Set.of())));
        tables.values().forEach(t -> lifetimes.computeIfAbsent(t.oid(), k -> new Lifetime()).names
                .putAll(t.columns().stream().collect(Collectors.toMap(Column::position, Column::name))));
        for (Table table : tables.values()) {
            lifetimes.get(table.oid()).observe(table, ticks, names, lifetimes::get);
            noteColumns(table, before.get(table.oid()));
        }
    }

    /** Per table, the columns added after it was first seen, nullable and without a default: position → tick. */
    private final Map<Long, Map<Integer, Integer>> addedLater = new HashMap<>();
    /** Per table, the NOT NULL columns as last seen. */
    private final Map<Long, Set<Integer>> notNull = new HashMap<>();
    /** Per table, the migrations that updated it: tick → whether one of them touched every row. */
    private final Map<Long, Map<Integer, Boolean>> updated = new HashMap<>();
    /** Columns that became NOT NULL at this tick: table → column. */
    private final Map<Long, Integer> becameNotNull = new HashMap<>();

    /** Notes, after {@link Lifetime#observe}, which columns were added and which became NOT NULL. */
    private void noteColumns(Table table, Set<Integer> had) {
        Map<Integer, Integer> added = addedLater.computeIfAbsent(table.oid(), k -> new HashMap<>());
        Set<Integer> wereNotNull = notNull.getOrDefault(table.oid(), Set.of());
        for (Column column : table.columns()) {
            boolean isNew = !had.isEmpty() && !had.contains(column.position());
            if (isNew && !column.hasDefault() && !column.generated()) {
                added.put(column.position(), ticks);
            }
            if (column.notNull() && !wereNotNull.contains(column.position()) && added.containsKey(column.position())) {
                becameNotNull.put(table.oid(), column.position());
            }
        }
        notNull.put(table.oid(), table.columns().stream().filter(Column::notNull).map(Column::position)
                .collect(Collectors.toSet()));
    }

    /**
     * A column added without a default and then made NOT NULL tells what rows the table held:
     * {@code ADD COLUMN c … NOT NULL} at once succeeds only on an empty table; added nullable and
     * filled only by updates with a WHERE (row by row, by name) before SET NOT NULL, every row
     * was one the migrations knew. A history that works in production says so, so the seeder puts
     * no synthetic rows in such a table before that column exists. A migration with preconditions
     * proves nothing: on the empty rehearsal it may run where, on data, it is marked as ran.
     */
    private void noteEmptyTables(Migration migration, String text) {
        TableWrites.updates(text).forEach((table, allRows) -> names.forEach((name, oid) -> {
            if (TableWrites.names(name, table)) {
                updated.computeIfAbsent(oid, k -> new HashMap<>()).merge(ticks, allRows, Boolean::logicalOr);
            }
        }));
        if (text.toLowerCase(Locale.ROOT).contains("precondition")) {
            becameNotNull.clear(); // guarded by a precondition (say, "only while the table is empty"): it proves nothing about rows
            return;
        }
        becameNotNull.forEach((oid, position) -> {
            int added = addedLater.get(oid).get(position);
            Map<Integer, Boolean> updates = updated.getOrDefault(oid, Map.of());
            boolean everyRow = updates.entrySet().stream().anyMatch(e -> e.getKey() >= added && e.getValue());
            boolean someRows = updates.keySet().stream().anyMatch(tick -> tick >= added);
            if (!everyRow && (someRows || added == ticks)) {
                String column = lifetimes.get(oid).names.get(position);
                emptyAt.merge(oid, added, Math::max);
                emptyFor.put(oid, migration.label() + (someRows ? " makes " + column + " NOT NULL, which only row-by-row updates filled"
                        : " adds NOT NULL column " + column + " without a default"));
                log.debug("Rehearsal: " + emptyFor.get(oid) + ": the table held only rows the migrations wrote");
            }
        });
        becameNotNull.clear();
    }

    private static Integer position(Lifetime life, String column) {
        return life.names.entrySet().stream().filter(e -> TableWrites.normalize(Quoting.identifier(e.getValue())).equals(column))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Table names and oids after {@code migration}; {@code null} when it was not seen (or {@code migration} is null). */
    Map<String, Long> after(Migration migration) {
        return migration == null ? null : after.get(migration);
    }

    /** The clock tick right after {@code migration}: constraints seen from then on concern rows seeded then. */
    int tick(Migration migration) {
        return migration == null ? 0 : clock.getOrDefault(migration, 0);
    }

    Dropped dropped(long oid) {
        return dropped.get(oid);
    }

    Lifetime lifetime(long oid) {
        return lifetimes.get(oid);
    }

    /** Why table {@code oid} must still be empty after tick {@code tick} (a later migration needs it so), or {@code null}. */
    String emptyAfter(long oid, int tick) {
        Integer at = emptyAt.get(oid);
        return at != null && at > tick ? emptyFor.get(oid) : null;
    }

    TableWrites writes() {
        return writes;
    }

    ReservedKeys reserved() {
        return reserved;
    }
}
