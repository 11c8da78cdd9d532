package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How much synthetic data the migrations meet.
 *
 * @param scale        {@code small}, {@code medium}, {@code large} or the number given
 * @param childRows    rows of the tables no other table references (the "child" tables)
 * @param random       seed of the generator: the same number gives the same data
 * @param nullFraction share of NULLs in nullable columns
 * @param rowCounts    per-table overrides, by table name ({@code users} or {@code app.users})
 * @param jsonSamples  a sample document per JSON column ({@code payload} or {@code orders.payload}): its keys and
 *                     kinds of values join those the schema and the migrations read
 * @param valuePatterns a regular expression per text column ({@code api_key} or {@code users.api_key}) its values
 *                     match, for formats that application code (a custom change) parses
 */
public record SeedOptions(String scale, long childRows, long random, double nullFraction, Map<String, Long> rowCounts,
                          Map<String, String> jsonSamples, Map<String, String> valuePatterns) {

    public static final String DEFAULT_SCALE = "medium";
    public static final long DEFAULT_RANDOM = 42;
    public static final double DEFAULT_NULL_FRACTION = 0.1;
    public static final SeedOptions NONE = new SeedOptions("0", 0, DEFAULT_RANDOM, DEFAULT_NULL_FRACTION, Map.of(), Map.of(), Map.of());

    public SeedOptions {
        rowCounts = Map.copyOf(rowCounts);
        jsonSamples = Map.copyOf(jsonSamples);
        valuePatterns = Map.copyOf(valuePatterns);
        if (nullFraction < 0 || nullFraction >= 1) {
            throw new ProfilerException("seed.nullFraction must be at least 0 and below 1, got " + nullFraction);
        }
    }

    /** {@code small} = 10K child rows, {@code medium} = 100K, {@code large} = 500K, or a number of child rows. */
    public static SeedOptions parse(String scale, long random, double nullFraction, Map<String, Long> rowCounts) {
        String name = scale == null || scale.isBlank() ? DEFAULT_SCALE : scale.strip().toLowerCase(Locale.ROOT);
        long rows = switch (name) {
            case "small" -> 10_000;
            case "medium" -> 100_000;
            case "large" -> 500_000;
            default -> {
                try {
                    long n = Long.parseLong(name.replace("_", ""));
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    yield n;
                } catch (NumberFormatException e) {
                    throw new ProfilerException("seed.scale must be small, medium, large or a number of rows, got '" + scale + "'");
                }
            }
        };
        return new SeedOptions(name, rows, random, nullFraction, rowCounts, Map.of(), Map.of());
    }

    /** These options with sample JSON documents and value patterns per column. */
    public SeedOptions withSamples(Map<String, String> jsonSamples, Map<String, String> valuePatterns) {
        return new SeedOptions(scale, childRows, random, nullFraction, rowCounts, jsonSamples, valuePatterns);
    }

    /** These options with other per-table row counts. */
    public SeedOptions withRowCounts(Map<String, Long> counts) {
        return new SeedOptions(scale, childRows, random, nullFraction, counts, jsonSamples, valuePatterns);
    }

    /**
     * These options at {@code fraction} of their rows: the scale's and every table's count, so a
     * smaller database keeps the same proportions (a table with rows keeps at least one).
     */
    public SeedOptions scaled(double fraction) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rowCounts.forEach((table, rows) -> counts.put(table, rows == 0 ? 0 : Math.max(1, Math.round(rows * fraction))));
        return new SeedOptions(scale + "×" + fraction, Math.max(1, Math.round(childRows * fraction)), random, nullFraction, counts,
                jsonSamples, valuePatterns);
    }

    public boolean enabled() {
        return childRows > 0;
    }

    /** The value pattern configured for {@code column} of {@code qualifiedTable} ({@code table.column} wins over {@code column}). */
    public Optional<String> valuePattern(String qualifiedTable, String column) {
        String bare = qualifiedTable.substring(qualifiedTable.lastIndexOf('.') + 1).replace("\"", "");
        String pattern = valuePatterns.get(bare + "." + column);
        return Optional.ofNullable(pattern != null ? pattern : valuePatterns.get(column));
    }

    /** The override for a table, named with or without its schema. */
    public Optional<Long> rowCountFor(String qualifiedTable) {
        String bare = qualifiedTable.substring(qualifiedTable.lastIndexOf('.') + 1).replace("\"", "");
        Long count = rowCounts.get(qualifiedTable.replace("\"", ""));
        return Optional.ofNullable(count != null ? count : rowCounts.get(bare));
    }
}
