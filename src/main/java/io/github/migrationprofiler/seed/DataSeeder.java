package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Expressions;
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
    private final Map<String, String> waiting = new LinkedHashMap<>();
    private final Map<String, TableValues> seeded = new HashMap<>();
    private final Set<String> empty = new HashSet<>();
    private final List<SeedSummary.TableSeed> report = new ArrayList<>();
    private final List<SeedSummary.Gap> gaps = new ArrayList<>();
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
    }

    /** What was seeded, and every table seeded with fewer rows than planned or left empty (still waiting ones included). */
    public SeedSummary summary() {
        List<SeedSummary.Gap> all = new ArrayList<>(gaps);
        waiting.forEach((table, reason) -> all.add(new SeedSummary.Gap(table, reason.equals("its partitions")
                ? "left empty: a partitioned table that no migration gave a partition"
                : reason.startsWith("empty until ") ? "left " + reason
                : "left empty: its NOT NULL foreign key needs rows of " + reason + ", which no migration created")));
        return new SeedSummary(options.scale(), options.childRows(), options.random(), report, all,
                Math.round(nanos / 1_000.0) / 1_000.0, null);
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
                    waiting.remove(table.getKey());
                    filledByMigrations(table.getKey());
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
            Map<String, String> deferred = new LinkedHashMap<>();
            for (Table table : fresh.values()) {
                String empty = schema.mustStayEmpty(table, applied);
                if (empty != null) {
                    deferred.put(table.name(), "empty until " + empty);
                }
            }
            deferred(fresh, deferred);
            List<Table> ready = fresh.values().stream().filter(t -> !deferred.containsKey(t.name())).toList();
            ready.forEach(t -> {
                seen.add(t.name());
                waiting.remove(t.name());
            });
            waiting.putAll(deferred);
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
    private void filledByMigrations(String table) {
        Long rows = production.productionRows(table);
        if (rows != null) {
            String why = String.format(Locale.ROOT, NOT_SEEDED + ": the migrations put rows in it, and it keeps theirs (production "
                    + "has %,d); if they are test data, leave them out as production does (migration-profiler.contexts)", rows);
            gaps.add(new SeedSummary.Gap(table, why));
            log.warn("Seeding gap: " + table + ": " + why);
        }
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
     * Adds the tables whose NOT NULL foreign key needs a parent that a later migration creates (or
     * that itself waits), with that parent, and partitioned tables without partitions.
     */
    private static void deferred(Map<String, Table> fresh, Map<String, String> deferred) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table table : fresh.values()) {
                if (deferred.containsKey(table.name())) {
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
                values = generate(connection, table, requested, order, applied);
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
        if (values == null || rows == 0) {
            empty.add(table.name());
        } else {
            seeded.put(table.name(), values);
        }
        report.add(new SeedSummary.TableSeed(table.name(), rows, Math.round(seconds * 1e6) / 1e3, production.productionRows(table.name())));
        if (reason != null || values != null && values.capped() != null) {
            String why = copier != null ? reason : reason != null ? reason + "; left empty" : String.format(Locale.ROOT, "seeded %,d of %,d rows: %s", rows,
                    requested, values.capped());
            gaps.add(new SeedSummary.Gap(table.name(), why));
            log.warn("Seeding gap: " + table.name() + ": " + why);
        } else {
            log.info(String.format(Locale.ROOT, "Seeded %-40s %,10d rows in %6.2f s (%,.0f rows/s)%s", table.name(), rows,
                    seconds, rows / Math.max(seconds, 1e-9), requested == 0 ? " (rowCounts)" : ""));
        }
    }

    /** Why a NOT NULL foreign key cannot be filled (its parent has no rows), or {@code null}. */
    private String missingParent(Connection connection, Table table, SeedPlan.Ordered order) {
        for (ForeignKey fk : table.foreignKeys()) {
            if (!notNull(table, fk) || fk.refTable().equals(table.name()) || order.nulledForeignKeys().contains(SeedPlan.key(table, fk))) {
                continue;
            }
            if (fk.parentLater()) {
                return "its NOT NULL foreign key " + fk.name() + " needs rows of " + fk.refTable() + ", which does not exist yet";
            }
            if (empty.contains(fk.refTable()) || !seeded.containsKey(fk.refTable()) && !hasRows(connection, fk.refTable())) {
                return "its NOT NULL foreign key " + fk.name() + " references " + fk.refTable() + ", which has no rows";
            }
        }
        return null;
    }

    /**
     * The table's values; when the database rejects sample rows, the columns of the broken
     * constraint are written as NULL or left to their default where the schema allows, and tried again.
     */
    private TableValues generate(Connection connection, Table table, long requested, SeedPlan.Ordered order, Migration applied)
            throws SQLException {
        Map<String, TableValues.Override> overrides = new HashMap<>();
        CheckBranches.Choice branches = CheckBranches.choose(table);
        branches.nulls().forEach(column -> overrides.put(column, TableValues.Override.NULL));
        Table shaped = new Table(table.oid(), table.name(), table.columns(), table.uniqueKeys(), table.foreignKeys(),
                branches.checks(), table.partitionKey(), table.partitionBounds(), table.indexes());
        boolean probe = RowProbe.needed(table);
        for (int attempt = 0; ; attempt++) {
            TableValues values = TableValues.build(shaped, requested, context(connection, table, order, overrides, applied));
            if (!probe || values.rows() == 0) {
                return values;
            }
            Optional<RowProbe.Violation> violation = RowProbe.test(connection, table, values);
            if (violation.isEmpty()) {
                return values;
            }
            String column = attempt > table.columns().size() ? null : repairable(table, violation.get(), overrides);
            if (column == null) {
                throw new SeedException("generated rows break " + violation.get().describe());
            }
            boolean nullable = table.column(column).map(c -> !c.notNull()).orElse(false);
            overrides.put(column, nullable ? TableValues.Override.NULL : TableValues.Override.DEFAULT);
            log.debug("Seeding " + table.name() + ": " + violation.get().describe() + "; writing " + column
                    + (nullable ? " as NULL" : " as its default"));
        }
    }

    /** A column of the broken constraint that may be NULL or has a default, last ones first; {@code null} when none. */
    private static String repairable(Table table, RowProbe.Violation violation, Map<String, TableValues.Override> overrides) {
        List<String> candidates = new ArrayList<>();
        for (String name : violation.columns()) {
            Column column = table.column(name).orElse(null);
            if (column != null && column.generated() && column.expression() != null) {
                candidates.addAll(Expressions.identifiers(column.expression())); // fix what the generated column is computed from
            } else {
                candidates.add(name);
            }
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Column column = table.column(candidates.get(i)).orElse(null);
            if (column != null && !column.generated() && !overrides.containsKey(column.name())
                    && (!column.notNull() || column.hasDefault() && !column.autoKey())) {
                return column.name();
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
                column -> column.type().isText() ? schema.forms().of(column.name()).map(ValueForms.Form::sample).orElse(null) : null,
                type -> TypeLiteral.accepted(connection, type, literals), overrides, column -> production.column(table.name(), column.name()));
    }

    /**
     * The keys a foreign key may point at. A parent this run seeded has them computed again from
     * its generators, unless a migration since replaced the column (a key rebuilt as uuid under
     * the old name): then, as for parents with reference rows, they are read from the table.
     */
    private ParentKeys parentKeys(Connection connection, ForeignKey fk, Migration applied) {
        if (empty.contains(fk.refTable())) {
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
