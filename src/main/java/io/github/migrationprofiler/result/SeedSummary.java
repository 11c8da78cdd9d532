package io.github.migrationprofiler.result;

import java.util.List;

/**
 * What seeding did, for {@code results.json}.
 *
 * @param scale     the scale asked for
 * @param childRows rows of the tables no other table references
 * @param random    the generator's seed
 * @param tables    every table seeded, in load order
 * @param gaps      tables seeded with fewer rows than planned, or left empty, and why
 * @param millis    total time, loading and ANALYZE
 * @param template  the baseline template the scratch database was copied from (its tables are not listed), or {@code null}
 */
public record SeedSummary(String scale, long childRows, long random, List<TableSeed> tables, List<Gap> gaps, double millis,
                          String template) {

    public SeedSummary {
        tables = List.copyOf(tables);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    public SeedSummary withTemplate(String name) {
        return new SeedSummary(scale, childRows, random, tables, gaps, millis, name);
    }

    /**
     * @param table          qualified name
     * @param rows           rows written
     * @param millis         time to load them
     * @param productionRows the table's rows in production, from the production statistics; {@code null} without them
     */
    public record TableSeed(String table, long rows, double millis, Long productionRows) {

        public TableSeed(String table, long rows, double millis) {
            this(table, rows, millis, null);
        }
    }

    /** @param table qualified name; @param reason why it has fewer rows than planned, or none */
    public record Gap(String table, String reason) {
    }
}
