package io.github.migrationprofiler.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * How every written column of one table gets its values, row by row. Columns of one foreign key
 * share one choice of parent row per row, so composite keys stay consistent; the choice is
 * skewed (a few parents own many children), enumerated where the key must be unique, and points
 * only at earlier rows for a self-reference.
 */
final class TableValues {

    /** Looks up how a parent table's keys are found. */
    interface Parents {
        ParentKeys keys(ForeignKey fk);
    }

    private static final long NO_PARENT = -1;

    private final Table table;
    private final long rows;
    private final Map<String, Values> columns;

    private TableValues(Table table, long rows, Map<String, Values> columns) {
        this.table = table;
        this.rows = rows;
        this.columns = columns;
    }

    String name() {
        return table.name();
    }

    long rows() {
        return rows;
    }

    Map<String, Values> columns() {
        return columns;
    }

    Values column(String name) {
        Values values = columns.get(name);
        if (values == null) {
            throw new SeedException("Column " + table.name() + "." + name + " is referenced by a foreign key but not generated");
        }
        return values;
    }

    static TableValues build(Table table, long requestedRows, long seed, double nullFraction, Set<String> nulledForeignKeys,
                             Parents parents) {
        long tableSeed = seed ^ Noise.hash(table.name());
        ValueFactory factory = new ValueFactory(tableSeed, nullFraction);
        Map<String, ForeignKey> fkOfColumn = new HashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            fk.columns().forEach(c -> fkOfColumn.putIfAbsent(c, fk));
        }
        // a unique key made only of foreign-key columns is enumerated; otherwise one of its own columns carries uniqueness
        List<ForeignKey> enumerated = new ArrayList<>();
        List<String> uniqueColumns = new ArrayList<>();
        for (List<String> key : table.uniqueKeys()) {
            key.stream().filter(c -> !fkOfColumn.containsKey(c)).findFirst().ifPresentOrElse(uniqueColumns::add,
                    () -> key.stream().map(fkOfColumn::get).distinct().filter(fk -> !enumerated.contains(fk)).forEach(enumerated::add));
        }
        long rows = requestedRows;
        Map<ForeignKey, ParentKeys> parentKeys = new LinkedHashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (!nulledForeignKeys.contains(SeedPlan.key(table, fk)) && !fk.refTable().equals(table.name())) {
                parentKeys.put(fk, parents.keys(fk));
            }
        }
        long combinations = 1;
        for (ForeignKey fk : enumerated) {
            ParentKeys keys = parentKeys.get(fk);
            if (keys != null) {
                combinations = keys.count() == 0 ? 0 : Math.min(combinations, Long.MAX_VALUE / keys.count()) * keys.count();
            }
        }
        if (!enumerated.isEmpty() && combinations < rows) {
            rows = combinations; // a unique foreign key cannot have more rows than distinct parents
        }

        TableValues values = new TableValues(table, rows, new LinkedHashMap<>());
        Map<ForeignKey, LongUnaryOperator> choosers = new HashMap<>();
        long stride = 1;
        int stream = 0;
        for (Column column : table.columns()) {
            stream += 10;
            if (column.generated()) {
                continue;
            }
            ForeignKey fk = fkOfColumn.get(column.name());
            Values generated;
            if (fk == null) {
                generated = factory.forColumn(table.name(), column, ColumnRules.of(column, table.checks().values(),
                        table.partitionKey(), table.partitionBounds()), uniqueColumns.contains(column.name()), stream);
            } else {
                LongUnaryOperator chooser = choosers.get(fk);
                if (chooser == null) {
                    long keyStride = stride;
                    chooser = chooser(table, fk, rows, tableSeed, stream, nullFraction, nulledForeignKeys,
                            parentKeys.get(fk), enumerated.contains(fk) ? keyStride : 0);
                    choosers.put(fk, chooser);
                    if (enumerated.contains(fk) && parentKeys.get(fk) != null) {
                        stride = stride * Math.max(1, parentKeys.get(fk).count());
                    }
                }
                generated = foreignKeyColumn(values, fk, fk.columns().indexOf(column.name()), chooser, parentKeys.get(fk));
            }
            if (generated != null) {
                values.columns.put(column.name(), generated);
            }
        }
        return values;
    }

    /** Which parent row each row points at, or {@link #NO_PARENT} for NULL. */
    private static LongUnaryOperator chooser(Table table, ForeignKey fk, long rows, long seed, int stream, double nullFraction,
                                             Set<String> nulled, ParentKeys keys, long enumerationStride) {
        boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).map(col -> !col.notNull()).orElse(false));
        if (nulled.contains(SeedPlan.key(table, fk))) {
            return row -> NO_PARENT;
        }
        double nulls = nullable ? nullFraction : 0;
        if (fk.refTable().equals(table.name())) {
            // self-reference: an earlier row, or the row itself where NULL is not allowed
            return row -> nullable && (row == 0 || Noise.unit(Noise.at(seed, row, stream + 1)) < nulls) ? NO_PARENT
                    : nullable ? Noise.skewed(Noise.at(seed, row, stream), row) : Noise.skewed(Noise.at(seed, row, stream), row + 1);
        }
        long count = keys.count();
        if (count == 0) {
            if (!nullable) {
                throw new SeedException("Cannot seed " + table.name() + ": its foreign key " + fk.name() + " references "
                        + fk.refTable() + ", which has no rows. Give " + Table.shortName(fk.refTable()) + " rows or leave "
                        + Table.shortName(table.name()) + " empty with <rowCounts><" + Table.shortName(table.name()) + ">0</"
                        + Table.shortName(table.name()) + "></rowCounts>.");
            }
            return row -> NO_PARENT;
        }
        if (enumerationStride > 0) {
            return row -> (row / enumerationStride) % count;
        }
        return row -> nulls > 0 && Noise.unit(Noise.at(seed, row, stream + 1)) < nulls ? NO_PARENT
                : Noise.skewed(Noise.at(seed, row, stream), count);
    }

    private static Values foreignKeyColumn(TableValues self, ForeignKey fk, int index, LongUnaryOperator chooser, ParentKeys keys) {
        String refColumn = fk.refColumns().get(index);
        return (row, out) -> {
            long parent = chooser.applyAsLong(row);
            if (parent == NO_PARENT) {
                out.append(Values.NULL);
            } else if (keys == null) {
                self.column(refColumn).append(parent, out); // self-reference: this table's own key at an earlier row
            } else {
                keys.append(index, parent, out);
            }
        };
    }
}
