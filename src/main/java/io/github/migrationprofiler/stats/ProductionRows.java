package io.github.migrationprofiler.stats;

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
