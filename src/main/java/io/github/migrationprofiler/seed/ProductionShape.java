package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.stats.ProductionStats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Production's statistics as the seeder uses them: how many rows each table gets relative to the
 * others, and the shape of each column's values. The final schema's constraints still win: keys
 * stay unique, foreign keys find parents, NOT NULL columns get no NULL.
 */
public final class ProductionShape {

    public static final ProductionShape NONE = new ProductionShape(null);

    /**
     * A column's shape in production.
     *
     * @param nullFraction      share of NULL rows
     * @param distinct          {@code n_distinct}: a count that stays as the table grows (40 countries) when positive,
     *                          minus a share of the rows when negative (-1: every row its own)
     * @param commonFrequencies the frequencies of the commonest values, of all rows, commonest first
     * @param avgWidth          average stored width in bytes, its length header included
     * @param correlation       physical order against value order, -1 to 1, or {@code null}
     */
    record ColumnShape(double nullFraction, double distinct, List<Double> commonFrequencies, int avgWidth, Double correlation) {

        /** Distinct values among {@code rows} seeded rows. */
        long distinctAmong(long rows) {
            return Math.max(1, Math.min(rows, Math.round(distinct > 0 ? distinct : -distinct * rows)));
        }
    }

    private final ProductionStats stats;

    public ProductionShape(ProductionStats stats) {
        this.stats = stats;
    }

    public boolean present() {
        return stats != null;
    }

    /**
     * The seed options with production's proportions as row counts: the largest production table
     * gets the scale's rows, every other table production's ratio to it (1:8 stays 1:8). Counts the
     * user gave win; tables production does not have yet keep the scale's usual pattern.
     */
    public SeedOptions proportions(SeedOptions options) {
        if (stats == null || !options.enabled()) {
            return options;
        }
        long largest = stats.tables().stream().filter(t -> t.rows() != null).mapToLong(ProductionStats.TableStats::rows).max().orElse(0);
        if (largest <= 0) {
            return options;
        }
        Map<String, Long> counts = new LinkedHashMap<>(options.rowCounts());
        for (ProductionStats.TableStats table : stats.tables()) {
            if (table.rows() != null && options.rowCountFor(table.table()).isEmpty()) {
                counts.put(table.table().replace("\"", ""),
                        table.rows() == 0 ? 0 : Math.max(1, Math.round((double) options.childRows() * table.rows() / largest)));
            }
        }
        return options.withRowCounts(counts);
    }

    /** Production's row count of {@code table}, or {@code null} when production does not know it. */
    public Long productionRows(String table) {
        return stats == null ? null : stats.table(table.replace("\"", "")).map(ProductionStats.TableStats::rows).orElse(null);
    }

    /** The shape of {@code column} of {@code table} in production, or {@code null}. */
    ColumnShape column(String table, String column) {
        if (stats == null) {
            return null;
        }
        return stats.table(table.replace("\"", "")).filter(t -> t.rows() != null && t.rows() > 0)
                .flatMap(t -> t.column(column).map(c -> new ColumnShape(c.nullFraction(), c.distinct(), c.commonFrequencies(),
                        c.avgWidth(), c.correlation())))
                .orElse(null);
    }
}
