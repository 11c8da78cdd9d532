package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.config.SeedOptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How many rows each table gets, and in which order tables load so that every foreign key finds its parent. */
final class SeedPlan {

    private SeedPlan() {
    }

    /**
     * Rows per table for a scale of N child rows, from the final schema: a table no other table
     * references gets N; a referenced table gets N/10, halved for every level it hangs under
     * another table (medium: 100K wishlist_items, 10K users, 5K sets). Overrides win.
     */
    static Map<String, Long> rowCounts(Map<String, Table> tables, SeedOptions options) {
        Set<String> referenced = new HashSet<>();
        tables.values().forEach(t -> t.foreignKeys().stream().map(ForeignKey::refTable)
                .filter(ref -> !ref.equals(t.name())).forEach(referenced::add));
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> depths = new HashMap<>();
        for (Table table : tables.values()) {
            long count = referenced.contains(table.name())
                    ? Math.max(1, options.childRows() / (10L << depth(table, tables, depths, new HashSet<>())))
                    : options.childRows();
            rows.put(table.name(), options.rowCountFor(table.name()).orElse(count));
        }
        return rows;
    }

    /** Longest chain of foreign keys from {@code table} up to a table with none (cycles cut). */
    private static int depth(Table table, Map<String, Table> tables, Map<String, Integer> memo, Set<String> path) {
        Integer known = memo.get(table.name());
        if (known != null) {
            return known;
        }
        if (!path.add(table.name())) {
            return 0;
        }
        int depth = 0;
        for (ForeignKey fk : table.foreignKeys()) {
            Table parent = tables.get(fk.refTable());
            if (parent != null && !parent.name().equals(table.name())) {
                depth = Math.max(depth, 1 + depth(parent, tables, memo, path));
            }
        }
        path.remove(table.name());
        memo.put(table.name(), Math.min(depth, 20));
        return memo.get(table.name());
    }

    /**
     * The tables in an order where every parent comes before its children. A cycle of foreign keys
     * is broken at a key whose columns are all nullable: it is left NULL. A cycle with no such key
     * cannot be seeded.
     */
    static Ordered order(Collection<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Set<String> nulled = new LinkedHashSet<>();
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < byName.size()) {
            Table next = byName.values().stream()
                    .filter(t -> !placed.contains(t.name()))
                    .filter(t -> waitingFor(t, byName, placed, nulled).isEmpty())
                    .findFirst().orElse(null);
            if (next == null) {
                breakCycle(byName, placed, nulled);
                continue;
            }
            ordered.add(next);
            placed.add(next.name());
        }
        return new Ordered(ordered, nulled);
    }

    private static List<ForeignKey> waitingFor(Table table, Map<String, Table> batch, Set<String> placed, Set<String> nulled) {
        return table.foreignKeys().stream()
                .filter(fk -> !fk.refTable().equals(table.name()))
                .filter(fk -> batch.containsKey(fk.refTable()) && !placed.contains(fk.refTable()))
                .filter(fk -> !nulled.contains(key(table, fk)))
                .toList();
    }

    private static void breakCycle(Map<String, Table> batch, Set<String> placed, Set<String> nulled) {
        for (Table table : batch.values()) {
            if (placed.contains(table.name())) {
                continue;
            }
            for (ForeignKey fk : waitingFor(table, batch, placed, nulled)) {
                boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).map(col -> !col.notNull()).orElse(false));
                if (nullable) {
                    nulled.add(key(table, fk));
                    return;
                }
            }
        }
        String cycle = batch.values().stream().filter(t -> !placed.contains(t.name())).map(Table::name)
                .collect(Collectors.joining(", "));
        throw new SeedException("Foreign keys form a cycle through NOT NULL columns among " + cycle
                + ": no table can be loaded first. Make one of those keys nullable or DEFERRABLE, or leave one table "
                + "empty with <rowCounts><table>0</table></rowCounts>.");
    }

    static String key(Table table, ForeignKey fk) {
        return table.name() + "/" + fk.name();
    }

    /** Tables in load order, and the foreign keys (as {@link #key}) left NULL to break cycles. */
    record Ordered(List<Table> tables, Set<String> nulledForeignKeys) {
    }
}
