package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.catalog.Tables;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Seeds every empty user table once: those standing when the baseline is done, then each table a
 * reviewed migration creates, right after it. The rows obey the table as the final schema will
 * have it (see {@link FinalSchema}); a table whose NOT NULL foreign key points at a table a later
 * migration creates waits for it. Tables that already hold rows (reference data a migration
 * inserted) are left alone and serve as parents. Seeding never stops the run: a table that cannot
 * be filled is seeded smaller or left empty and listed as a gap with the reason. Each batch is
 * ANALYZEd so that plans are realistic.
 */
public final class DataSeeder implements Seeder, AutoCloseable {

    /** Opens a connection to the database being seeded. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    /** How the gap of a table left with the migrations' rows begins. */
    public static final String NOT_SEEDED = "not seeded";

    private final Connector database;
    private final SeedOptions options;
    private final FinalSchema schema;
    private final ProductionShape production;
    private final ProfilerLog log;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, TableValues> seeded = new HashMap<>();
    private final SeedLedger ledger;
    private final Map<String, String> literals = new HashMap<>();
    private long nanos;
    private Connection connection;

    public DataSeeder(Connector database, SeedOptions options, FinalSchema schema, ProfilerLog log) {
        this(database, options, schema, ProductionShape.NONE, log);
    }

    /** @param production production's statistics: row proportions (already in {@code options}) and column shapes */
    public DataSeeder(Connector database, SeedOptions options, FinalSchema schema, ProductionShape production, ProfilerLog log) {
        this.database = database;
        this.options = options;
        this.schema = schema;
        this.production = production;
        this.log = log;
        this.ledger = new SeedLedger(options);
    }

    /**
     * What was seeded; every table seeded with fewer rows than planned or left empty (still waiting
     * ones included); and every other table under 1 % of the scale's child rows.
     */
    public SeedSummary summary() {
        return ledger.summary(Math.round(nanos / 1_000.0) / 1_000.0);
    }

    @Override
    public List<String> seedNewTables(Migration applied) {
        long start = System.nanoTime();
        try {
            Connection connection = connection();
            Map<String, Long> names = Tables.tableNames(connection);
            Map<Long, String> unseen = new LinkedHashMap<>();
            for (Map.Entry<String, Long> table : names.entrySet()) {
                if (seen.contains(table.getKey())) {
                    continue;
                }
                if (Tables.hasRows(connection, table.getKey())) {
                    seen.add(table.getKey());
                    ledger.kept(table.getKey(), Tables.rowsUpTo(connection, table.getKey(), ledger.thinBelow()), label(applied));
                    filledByMigrations(table.getKey(), applied);
                } else {
                    unseen.put(table.getValue(), table.getKey());
                }
            }
            if (unseen.isEmpty()) {
                return List.of(); // the common case: the migration created no table
            }
            Map<String, Table> read = Tables.read(connection, unseen);
            Map<String, Table> others = new HashMap<>();
            Function<String, Table> now = name -> read.containsKey(name) ? read.get(name)
                    : others.computeIfAbsent(name, n -> readOne(connection, names, n));
            Map<String, Table> fresh = new LinkedHashMap<>();
            read.values().forEach(table -> fresh.put(table.name(), schema.effective(table, applied, now)));
            Map<String, String> deferred = deferred(fresh, names.keySet(), applied);
            Set<String> batch = new HashSet<>(fresh.keySet());
            batch.removeAll(deferred.keySet());
            List<Table> ready = fresh.values().stream().filter(t -> !deferred.containsKey(t.name()))
                    .map(t -> JoinedKeys.withKeys(t, schema.joins(t), schema.readByBackfills(t), names.keySet(),
                            parent -> batch.contains(parent) || seeded.containsKey(parent) || ledger.hasKeptRows(parent), now, log))
                    .toList();
            ready.forEach(t -> {
                seen.add(t.name());
                ledger.ready(t.name());
            });
            deferred.forEach((table, forWhat) -> ledger.waits(table, forWhat, label(applied)));
            if (ready.isEmpty()) {
                return List.of();
            }
            Map<String, Long> fallbackRows = SeedPlan.rowCounts(fresh, options);
            SeedPlan.Ordered order = SeedPlan.order(ready);
            for (Table table : order.tables()) {
                seed(connection, table, rows(table, applied, fallbackRows), order, applied);
            }
            List<Table> filled = order.tables().stream()
                    .filter(t -> seeded.containsKey(t.name()) && seeded.get(t.name()).rows() > 0).toList();
            Loaded.analyze(connection, filled);
            return filled.stream().map(Table::name).toList();
        } catch (SQLException e) {
            throw new SeedException("Seeding failed: " + e.getMessage(), e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /**
     * A table a migration put rows in keeps them, unseeded (reference data: countries, roles). Where
     * production counts its rows, those few rows stand for millions and every measurement on the
     * table with them: a gap, with the usual cause (test data a context loads) and its remedy.
     */
    private void filledByMigrations(String table, Migration applied) {
        Long rows = production.productionRows(table);
        if (rows != null) {
            String why = String.format(Locale.ROOT, NOT_SEEDED + ": the migrations put rows in it, and it keeps theirs (production "
                    + "has %,d); if they are test data, leave them out as production does (migration-profiler.contexts)", rows);
            ledger.gap(table, why, label(applied));
            log.info("Seeding gap: " + table + after(applied) + ": " + why);
        }
    }

    private static String label(Migration applied) {
        return applied == null ? null : applied.label();
    }

    private static String after(Migration applied) {
        return applied == null ? "" : " (after " + applied.label() + ")";
    }

    /** One connection for the whole run: a migration history with a thousand changesets would otherwise open a thousand. */
    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.open();
        }
        return connection;
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            log.debug("Closing the seeding connection: " + e.getMessage());
        }
    }

    private static Table readOne(Connection connection, Map<String, Long> names, String name) {
        Long oid = names.get(name);
        try {
            return oid == null ? null : Tables.read(connection, Map.of(oid, name)).get(name);
        } catch (SQLException e) {
            throw new SeedException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tables that wait, with what for: those a later migration needs empty, those a backfill
     * fills from a table that does not exist yet (its rows must find theirs there), those whose NOT
     * NULL foreign key needs a parent that a later migration creates (or that itself waits), and
     * partitioned tables without partitions.
     */
    private Map<String, String> deferred(Map<String, Table> fresh, Set<String> existing, Migration applied) {
        Map<String, String> deferred = new LinkedHashMap<>();
        for (Table table : fresh.values()) {
            String empty = schema.mustStayEmpty(table, applied);
            if (empty != null) {
                deferred.put(table.name(), "empty until " + empty);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table table : fresh.values()) {
                if (deferred.containsKey(table.name())) {
                    continue;
                }
                Function<String, String> reason = name -> fresh.containsKey(name) ? deferred.get(name) : ledger.waitingFor(name);
                String joined = schema.joinedWaiting(table, existing, partner -> blocks(partner, table.name(), existing, reason));
                if (joined != null) {
                    deferred.put(table.name(), SeedLedger.JOINED_LATER + joined); // a backfill fills it from that table's rows
                    changed = true;
                    continue;
                }
                if (table.partitionKey() != null && table.partitionBounds().isEmpty()) {
                    deferred.put(table.name(), "its partitions");
                    changed = true;
                    continue;
                }
                for (ForeignKey fk : table.foreignKeys()) {
                    if (notNull(table, fk) && (fk.parentLater() || deferred.containsKey(fk.refTable()))) {
                        deferred.put(table.name(), fk.refTable());
                        changed = true;
                        break;
                    }
                }
            }
        }
        return deferred;
    }

    /**
     * Whether {@code partner} has no rows to give {@code table} yet: it waits, for its own reason or
     * for a partner of its own that does, or does not exist yet. A chain of joins that comes back to {@code table} (two
     * tables filled from each other) is no reason: both would wait for ever.
     */
    private static boolean blocks(String partner, String table, Set<String> existing, Function<String, String> reason) {
        Set<String> chain = new HashSet<>();
        for (String current = partner; chain.add(current); ) {
            if (!existing.contains(current)) {
                return true; // a later migration creates it
            }
            String why = reason.apply(current);
            if (why == null) {
                return false;
            }
            if (!why.startsWith(SeedLedger.JOINED_LATER)) {
                return true;
            }
            current = why.substring(SeedLedger.JOINED_LATER.length());
            if (current.equals(table)) {
                return false;
            }
        }
        return false;
    }

    private long rows(Table table, Migration applied, Map<String, Long> fallback) {
        Optional<Long> override = options.rowCountFor(table.name());
        if (override.isEmpty()) {
            override = schema.finalTable(table.name(), applied).flatMap(f -> options.rowCountFor(f.name()));
        }
        if (override.isPresent()) {
            return override.get();
        }
        Long planned = schema.plannedRows(table, applied);
        return planned != null ? planned : fallback.getOrDefault(table.name(), options.childRows());
    }

    private void seed(Connection connection, Table table, long requested, SeedPlan.Ordered order, Migration applied) {
        log.debug("Seeding " + table.name() + " after " + (applied == null ? "nothing" : applied.label()) + ": checks "
                + table.checks().stream().map(Check::name).toList() + ", unique " + table.uniqueKeys() + ", foreign keys "
                + table.foreignKeys().stream().map(fk -> fk.name() + (fk.parentLater() ? " (later)" : "")).toList());
        long start = System.nanoTime();
        TableValues values = null;
        String reason = order.emptied().get(table.name());
        String copier = requested > 0 && reason == null ? schema.copiedLater(table, applied) : null;
        if (copier != null) {
            reason = "a later migration, " + copier + ", fills it with INSERT … SELECT: it gets its rows from there";
            requested = 0;
        }
        if (requested > 0 && reason == null && hasRows(connection, table.name())) {
            // a trigger on a table seeded just before filled it (a hierarchy, an audit log): it keeps those rows
            log.info("Seeding " + table.name() + ": left as a trigger filled it");
            return;
        }
        if (requested > 0 && reason == null) {
            reason = missingParent(connection, table, order);
        }
        if (requested > 0 && reason == null) {
            try {
                values = RowProbe.fitted(connection, table, requested, overrides -> context(connection, table, order, overrides, applied),
                        log);
                if (values.rows() > 0) {
                    CopyLoader.load(database, values, table.referencesItself(), log);
                    Loaded.advanceSequences(connection, table);
                }
            } catch (SeedException | SQLException e) {
                reason = e.getMessage();
                values = null;
                clear(connection, table);
            } catch (RuntimeException e) { // a generator's bug costs this table, not the run
                log.debug("Seeding " + table.name() + " failed: " + e);
                reason = "the generator failed (" + e + "); please report it";
                values = null;
                clear(connection, table);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = values == null ? 0 : values.rows();
        if (values != null && rows > 0) {
            seeded.put(table.name(), values);
        }
        List<SeedSummary.ColumnForm> forms = values == null ? List.of() : values.forms().entrySet().stream()
                .map(e -> new SeedSummary.ColumnForm(e.getKey(), e.getValue().toString())).toList();
        ledger.seeded(new SeedSummary.TableSeed(table.name(), rows, Math.round(seconds * 1e6) / 1e3,
                production.productionRows(table.name()), forms), label(applied));
        if (reason != null || values != null && values.capped() != null) {
            String why = copier != null ? reason : reason != null ? reason + "; left empty" : String.format(Locale.ROOT, "seeded %,d of %,d rows: %s", rows,
                    requested, values.capped());
            ledger.gap(table.name(), why, label(applied));
            log.info("Seeding gap: " + table.name() + after(applied) + ": " + why); // all are listed again as warnings at the end
        } else {
            log.info(String.format(Locale.ROOT, "Seeded %-40s %,10d rows in %6.2f s (%,.0f rows/s)%s", table.name(), rows,
                    seconds, rows / Math.max(seconds, 1e-9), requested == 0 ? " (rowCounts)" : ""));
        }
    }

    /** Why a NOT NULL foreign key cannot be filled (its parent has no rows), or {@code null}. */
    private String missingParent(Connection connection, Table table, SeedPlan.Ordered order) {
        for (ForeignKey fk : table.foreignKeys()) {
            if (!notNull(table, fk) || fk.refTable().equals(table.name()) || order.nulledForeignKeys().contains(SeedPlan.key(table, fk))
                    || JoinedKeys.isJoin(fk)) {
                continue;
            }
            if (fk.parentLater()) {
                return "its NOT NULL foreign key " + fk.name() + " needs rows of " + fk.refTable() + ", which does not exist yet";
            }
            if (ledger.isEmpty(fk.refTable()) || !seeded.containsKey(fk.refTable()) && !hasRows(connection, fk.refTable())) {
                return "its NOT NULL foreign key " + fk.name() + " references " + fk.refTable() + ", which has no rows";
            }
        }
        return null;
    }

    private TableValues.Context context(Connection connection, Table table, SeedPlan.Ordered order,
                                        Map<String, TableValues.Override> overrides, Migration applied) {
        return new TableValues.Context(options.random(), options.nullFraction(), order.nulledForeignKeys(),
                fk -> parentKeys(connection, fk, applied),
                column -> schema.reserved(table, column, applied),
                column -> column.type().name().startsWith("json") || column.type().isArray() && column.type().element().name().startsWith("json")
                        ? schema.json().forColumn(table.name(), column.name()) : null,
                column -> options.valuePattern(table.name(), column.name()).flatMap(RegexSample::of).orElse(null),
                column -> column.type().isText() ? schema.forms().of(column.name()).orElse(null) : null,
                type -> TypeLiteral.accepted(connection, type, literals), overrides, column -> production.column(table.name(), column.name()),
                JoinedKeys.covering(schema.joins(table)));
    }

    /**
     * The keys a foreign key may point at. A parent this run seeded has them computed again from
     * its generators, unless a migration since replaced the column (a key rebuilt as uuid under
     * the old name): then, as for parents with reference rows, they are read from the table.
     */
    private ParentKeys parentKeys(Connection connection, ForeignKey fk, Migration applied) {
        if (ledger.isEmpty(fk.refTable())) {
            return ParentKeys.NONE;
        }
        try {
            Table table = Tables.read(connection, Map.of(Tables.tableNames(connection).getOrDefault(fk.refTable(), 0L), fk.refTable()))
                    .get(fk.refTable());
            TableValues parent = seeded.get(fk.refTable());
            if (parent != null && table != null && parent.sameColumns(table, fk.refColumns())) {
                try {
                    return ParentKeys.seeded(parent, fk.refColumns());
                } catch (SeedException notGenerated) {
                    // the parent's key was left to a default: read the keys it got
                }
            }
            Set<String> doomed = table == null ? Set.of()
                    : table.column(fk.refColumns().get(0)).map(c -> schema.deletedKeys(table, c, applied)).orElse(Set.of());
            return ParentKeys.existing(connection, fk.refTable(), fk.refColumns(), doomed);
        } catch (SQLException e) {
            throw new SeedException("cannot read the keys of " + fk.refTable() + ": " + e.getMessage(), e);
        }
    }

    private static boolean notNull(Table table, ForeignKey fk) {
        return fk.columns().stream().anyMatch(c -> table.column(c).map(Column::notNull).orElse(false));
    }

    /** Whether the table holds rows; a read that fails costs the table being seeded (a gap saying why), not the run. */
    private static boolean hasRows(Connection connection, String table) {
        try {
            return Tables.hasRows(connection, table);
        } catch (SQLException e) {
            throw new SeedException("cannot tell whether " + table + " holds rows: " + e.getMessage(), e);
        }
    }

    /** Rows a failed parallel load committed before it failed go again, so the table is empty as reported. */
    private void clear(Connection connection, Table table) {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM " + table.name());
        } catch (SQLException e) {
            log.debug("Could not empty " + table.name() + " after a failed load: " + e.getMessage());
        }
    }

}
