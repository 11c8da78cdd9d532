package io.github.migrationprofiler.seed;

import java.util.List;

/**
 * What seeding did, for {@code results.json}.
 *
 * @param scale     the scale asked for
 * @param childRows rows of the tables no other table references
 * @param random    the generator's seed
 * @param tables    every table seeded, in load order
 * @param millis    total time, loading and ANALYZE
 * @param template  the baseline template the scratch database was copied from (its tables are not listed), or {@code null}
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SeedSummary(String scale, long childRows, long random, List<TableSeed> tables, double millis, String template) {

    public SeedSummary {
        tables = List.copyOf(tables);
    }

    public SeedSummary withTemplate(String name) {
        return new SeedSummary(scale, childRows, random, tables, millis, name);
    }

    /** @param table qualified name; @param rows rows written; @param millis time to load them */
    public record TableSeed(String table, long rows, double millis) {
    }
}
