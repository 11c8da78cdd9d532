package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.source.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seeds every empty user table once: those standing when the baseline is done, then each table a
 * reviewed migration creates, right after it. Tables that already hold rows (reference data a
 * migration inserted) are left alone and serve as parents. Each batch is ANALYZEd so that plans
 * are realistic.
 */
public final class DataSeeder implements Seeder {

    /** Opens a connection to the database being seeded. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector database;
    private final SeedOptions options;
    private final Map<String, Long> plannedRows;
    private final ProfilerLog log;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, TableValues> seeded = new HashMap<>();
    private final List<SeedSummary.TableSeed> report = new ArrayList<>();
    private long nanos;

    /**
     * @param plannedRows rows per table planned on the final schema (see {@link #plan}); tables
     *                    missing from it are planned on the schema as it stands
     */
    public DataSeeder(Connector database, SeedOptions options, Map<String, Long> plannedRows, ProfilerLog log) {
        this.database = database;
        this.options = options;
        this.plannedRows = Map.copyOf(plannedRows);
        this.log = log;
    }

    /** Rows per table for {@code options}, from the schema a connection sees. */
    public static Map<String, Long> plan(Connection connection, SeedOptions options) throws SQLException {
        return SeedPlan.rowCounts(Catalog.read(connection), options);
    }

    @Override
    public void beforeReview() {
        seedNewTables();
    }

    @Override
    public void afterMigration(Migration migration) {
        seedNewTables();
    }

    public SeedSummary summary() {
        return new SeedSummary(options.scale(), options.childRows(), options.random(), report, Math.round(nanos / 1_000.0) / 1_000.0, null);
    }

    private void seedNewTables() {
        long start = System.nanoTime();
        try (Connection connection = database.open()) {
            Map<String, Table> catalog = Catalog.read(connection);
            List<Table> fresh = new ArrayList<>();
            for (Table table : catalog.values()) {
                if (seen.add(table.name()) && !Catalog.hasRows(connection, table.name())) {
                    fresh.add(table);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            Map<String, Long> rows = new HashMap<>(SeedPlan.rowCounts(catalog, options));
            rows.putAll(plannedRows);
            SeedPlan.Ordered order = SeedPlan.order(fresh);
            for (Table table : order.tables()) {
                load(connection, table, rows.get(table.name()), order);
            }
            analyze(connection, order.tables());
        } catch (SQLException e) {
            throw new SeedException("Seeding failed: " + e.getMessage(), e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private void load(Connection connection, Table table, long requestedRows, SeedPlan.Ordered order) throws SQLException {
        long start = System.nanoTime();
        Map<ForeignKey, ParentKeys> existing = new HashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (!seeded.containsKey(fk.refTable()) && !fk.refTable().equals(table.name())) {
                existing.put(fk, ParentKeys.existing(connection, fk.refTable(), fk.refColumns()));
            }
        }
        TableValues values = TableValues.build(table, requestedRows, options.random(), options.nullFraction(),
                order.nulledForeignKeys(), fk -> existing.containsKey(fk) ? existing.get(fk)
                        : ParentKeys.seeded(seeded.get(fk.refTable()), fk.refColumns()));
        if (values.rows() > 0) {
            boolean selfReferencing = table.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(table.name()));
            CopyLoader.load(database, values, selfReferencing, log);
            advanceSequences(connection, table);
        }
        seeded.put(table.name(), values);
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add(new SeedSummary.TableSeed(table.name(), values.rows(), Math.round(seconds * 1e6) / 1e3));
        log.info(String.format(Locale.ROOT, "Seeded %-40s %,10d rows in %6.2f s (%,.0f rows/s)%s", table.name(), values.rows(),
                seconds, values.rows() / Math.max(seconds, 1e-9),
                values.rows() < requestedRows ? " (capped: a unique foreign key allows no more)" : ""));
    }

    /** Identity and serial columns were written explicitly; their sequences must continue after the highest value. */
    private static void advanceSequences(Connection connection, Table table) throws SQLException {
        for (Column column : table.columns()) {
            if (column.sequence() != null) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT setval('" + column.sequence().replace("'", "''") + "', max(" + Quoting.identifier(column.name())
                            + ")) FROM " + table.name() + " HAVING max(" + Quoting.identifier(column.name()) + ") IS NOT NULL");
                }
            }
        }
    }

    private static void analyze(Connection connection, List<Table> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE " + tables.stream().map(Table::name).collect(Collectors.joining(", ")));
        }
    }
}
