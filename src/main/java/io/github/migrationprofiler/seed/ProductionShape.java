package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.stats.ProductionRows;

import java.util.List;

/**
 * Production's statistics as the seeder uses them: the shape of each column's values (the table
 * proportions are already in the seed options, see {@link ProductionRows#proportions}). The final schema's constraints still win: keys
 * stay unique, foreign keys find parents, NOT NULL columns get no NULL.
 */
public final class ProductionShape {

    public static final ProductionShape NONE = new ProductionShape(null, ProductionRows.NONE);

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
    private final ProductionRows rows;

    /** @param rows production's row counts: the pom's, else the statistics' */
    public ProductionShape(ProductionStats stats, ProductionRows rows) {
        this.stats = stats;
        this.rows = rows;
    }

    public boolean present() {
        return stats != null;
    }

    /** Production's row count of {@code table}, or {@code null} when production does not know it. */
    public Long productionRows(String table) {
        return rows.of(table);
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
