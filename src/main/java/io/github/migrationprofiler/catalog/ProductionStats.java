package io.github.migrationprofiler.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What production's catalog knows about its data, and nothing of the data itself: row counts,
 * sizes, and per column the shape {@code pg_stats} gives (null share, distinct values, width,
 * physical order, how skewed the commonest values are). Values appear only for the columns a
 * team lists with {@code includeValues}.
 *
 * @param formatVersion version of this file's structure
 * @param readAt        ISO-8601 instant it was read
 * @param serverVersion production's {@code server_version}
 * @param settings      the settings that change migration runtimes, as production has them
 * @param tables        every table of the schemas read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductionStats(int formatVersion, String readAt, String serverVersion, Map<String, String> settings,
                              List<TableStats> tables) {

    public static final int FORMAT_VERSION = 1;

    public ProductionStats {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /**
     * @param table      qualified name, e.g. {@code public.orders}
     * @param rows       estimated rows ({@code reltuples}); {@code null} when the table was never analyzed
     * @param tableBytes heap size
     * @param indexBytes all its indexes
     * @param toastBytes its TOAST table
     * @param indexes    each index: name, definition, size
     * @param columns    each column's shape from {@code pg_stats}; empty when never analyzed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableStats(String table, Long rows, long tableBytes, long indexBytes, long toastBytes, List<IndexStats> indexes,
                             List<ColumnStats> columns) {

        public TableStats {
            indexes = indexes == null ? List.of() : List.copyOf(indexes);
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public Optional<ColumnStats> column(String name) {
            return columns.stream().filter(c -> c.column().equals(name)).findFirst();
        }
    }

    public record IndexStats(String name, String definition, long bytes) {
    }

    /**
     * @param column           the column's name
     * @param nullFraction     share of rows that are NULL
     * @param distinct         {@code n_distinct}: a count when positive, minus a share of the rows when negative (-1: all distinct)
     * @param avgWidth         average stored width in bytes
     * @param correlation      physical order against value order, -1 to 1 ({@code null} for types without an order)
     * @param commonFrequencies the frequencies of the most common values, commonest first: their shape, not the values
     * @param commonValues     the most common values themselves, only for columns listed with includeValues
     * @param histogramBounds  the histogram's bounds, only for columns listed with includeValues
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ColumnStats(String column, double nullFraction, double distinct, int avgWidth, Double correlation,
                              List<Double> commonFrequencies, List<String> commonValues, List<String> histogramBounds) {

        public ColumnStats {
            commonFrequencies = commonFrequencies == null ? List.of() : List.copyOf(commonFrequencies);
            commonValues = commonValues == null ? List.of() : List.copyOf(commonValues);
            histogramBounds = histogramBounds == null ? List.of() : List.copyOf(histogramBounds);
        }
    }

    public Optional<TableStats> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }
}
