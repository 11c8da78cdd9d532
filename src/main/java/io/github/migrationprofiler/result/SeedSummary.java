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
 * @param thin      the other tables that hold under 1 % of {@code childRows}, and why: migrations on them are measured on little data
 * @param millis    total time, loading and ANALYZE
 * @param template  the baseline template the scratch database was copied from (its tables are not listed), or {@code null}
 * @param cache     whether that template was there already (a hit) or built by this run, and how long building it took
 */
public record SeedSummary(String scale, long childRows, long random, List<TableSeed> tables, List<Gap> gaps, List<Gap> thin,
                          double millis, String template, Cache cache) {

    /** @param hit the template was there; @param buildMillis how long building it took (this run's, on a miss) */
    public record Cache(boolean hit, double buildMillis) {
    }

    public SeedSummary {
        tables = List.copyOf(tables);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        thin = thin == null ? List.of() : List.copyOf(thin);
    }

    public SeedSummary(String scale, long childRows, long random, List<TableSeed> tables, List<Gap> gaps, double millis,
                       String template) {
        this(scale, childRows, random, tables, gaps, List.of(), millis, template, null);
    }

    public SeedSummary(String scale, long childRows, long random, List<TableSeed> tables, List<Gap> gaps, List<Gap> thin,
                       double millis, String template) {
        this(scale, childRows, random, tables, gaps, thin, millis, template, null);
    }

    /** This seeding with the baseline template it started from, {@code null} for none. */
    public SeedSummary withTemplate(String name, Cache cache) {
        return new SeedSummary(scale, childRows, random, tables, gaps, thin, millis, name, cache);
    }

    /**
     * @param table          qualified name
     * @param rows           rows written
     * @param millis         time to load them
     * @param productionRows the table's rows in production, from the production statistics; {@code null} without them
     * @param columns        the text columns seeded in the form a later migration reads them in
     */
    public record TableSeed(String table, long rows, double millis, Long productionRows, List<ColumnForm> columns) {

        public TableSeed {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public TableSeed(String table, long rows, double millis) {
            this(table, rows, millis, null, List.of());
        }
    }

    /** @param column its name; @param form the form and where a migration reads it so: {@code uuid, from V33__run_id.sql:28} */
    public record ColumnForm(String column, String form) {
    }

    /**
     * @param table  qualified name
     * @param reason why it has fewer rows than planned, or none
     * @param after  the migration after which the table was seeded or left empty, {@code null} before any
     */
    public record Gap(String table, String reason, String after) {

        public Gap(String table, String reason) {
            this(table, reason, null);
        }
    }
}
