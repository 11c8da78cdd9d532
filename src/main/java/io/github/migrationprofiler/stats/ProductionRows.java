package io.github.migrationprofiler.stats;

import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.config.SeedOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Production's row count per table, to project runtimes to: the counts the pom gives
 * ({@code <productionRows>}, by table name with or without its schema) win over the production
 * statistics file's.
 */
public final class ProductionRows {

    public static final ProductionRows NONE = new ProductionRows(Map.of(), null);

    private final Map<String, Long> configured;
    private final ProductionStats stats;

    public ProductionRows(Map<String, Long> configured, ProductionStats stats) {
        this.configured = Map.copyOf(configured);
        this.stats = stats;
    }

    /** Whether any table has a production count: without one, nothing is projected. */
    public boolean known() {
        return !configured.isEmpty() || stats != null && stats.tables().stream().anyMatch(t -> t.rows() != null);
    }

    /** Where the counts come from, for the log. */
    public String describe() {
        return !configured.isEmpty() && stats != null ? "productionRows and the production statistics file"
                : !configured.isEmpty() ? "productionRows" : "the production statistics file";
    }

    /**
     * The seed options with production's proportions as row counts: the table with the most
     * production rows gets the scale's rows, every other table with a count its ratio to it (1:8
     * stays 1:8). Counts the user gave win; tables without a production count keep the scale's
     * usual pattern.
     */
    public SeedOptions proportions(SeedOptions options) {
        Map<String, Long> all = all();
        long largest = all.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (largest <= 0 || !options.enabled()) {
            return options;
        }
        Map<String, Long> counts = new LinkedHashMap<>(options.rowCounts());
        all.forEach((table, rows) -> {
            if (options.rowCountFor(table).isEmpty()) {
                counts.put(table, rows == 0 ? 0 : Math.max(1, Math.round((double) options.childRows() * rows / largest)));
            }
        });
        return options.withRowCounts(counts);
    }

    /** Every count, the pom's replacing the statistics' for the same table, by name as given (quotes removed). */
    private Map<String, Long> all() {
        Map<String, Long> all = new LinkedHashMap<>();
        if (stats != null) {
            stats.tables().stream().filter(t -> t.rows() != null).forEach(t -> all.put(t.table().replace("\"", ""), t.rows()));
        }
        configured.forEach((table, rows) -> {
            String bare = table.substring(table.lastIndexOf('.') + 1);
            all.keySet().removeIf(known -> known.equals(table) || !table.contains(".") && known.substring(known.lastIndexOf('.') + 1).equals(bare));
            all.put(table, rows);
        });
        return all;
    }

    /** Production's rows of {@code table} (qualified, possibly quoted), or {@code null} when unknown. */
    public Long of(String table) {
        String plain = table.replace("\"", "");
        String bare = plain.substring(plain.lastIndexOf('.') + 1);
        Long count = configured.get(plain);
        if (count == null) {
            count = configured.get(bare);
        }
        if (count == null && stats != null) {
            count = stats.table(plain).map(ProductionStats.TableStats::rows).orElse(null);
        }
        return count;
    }
}
