package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.Table;
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

    /** The fewest rows a planned table gets: a code table of ten values still lets plans and joins be real. */
    private static final long MIN_ROWS = 10;

    private SeedPlan() {
    }

    /**
     * Rows per table for a scale of N child rows, from the final schema, shaped as a real database
     * is: rows grow down the foreign-key graph. A table no other table references is a fact table
     * and gets N; a referenced one gets N / (2<sup>h</sup> + 2), h being the longest chain of tables
     * hanging under it, one-to-one children not counted: a quarter of N one level up (a parent of
     * several children), and about half as many for each level above (medium: 100K
     * wishlist_items, 25K sets, 16.7K users). Loans under clients get more rows than clients and fewer than their
     * transactions, and the tables everything hangs under (offices, users, codes) stay small.
     * Overrides win.
     */
    static Map<String, Long> rowCounts(Map<String, Table> tables, SeedOptions options) {
        Map<String, Map<String, Integer>> children = new HashMap<>();
        tables.values().forEach(t -> t.foreignKeys().stream().filter(fk -> !fk.refTable().equals(t.name()))
                .forEach(fk -> children.computeIfAbsent(fk.refTable(), k -> new HashMap<>()).merge(t.name(), oneToOne(t, fk) ? 0 : 1, Math::max)));
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> heights = new HashMap<>();
        long fewest = Math.min(options.childRows(), MIN_ROWS);
        for (Table table : tables.values()) {
            int height = height(table.name(), children, heights, new HashSet<>());
            long count = height == 0 ? options.childRows() : Math.max(fewest, options.childRows() / ((1L << height) + 2));
            rows.put(table.name(), options.rowCountFor(table.name()).orElse(count));
        }
        for (int pass = 0; pass < 20 && capByUniqueParents(tables, rows, options); pass++) {
            // a chain of one-to-one tables settles in as many passes as it is long
        }
        return rows;
    }

    /**
     * A table with a unique key made only of foreign keys (one row per parent, or per pair of
     * parents in a join table) has at most as many rows as there are parent combinations: plan
     * it so, rather than plan more and seed fewer. Returns whether a count changed.
     */
    private static boolean capByUniqueParents(Map<String, Table> tables, Map<String, Long> rows, SeedOptions options) {
        boolean changed = false;
        for (Table table : tables.values()) {
            if (options.rowCountFor(table.name()).isPresent()) {
                continue;
            }
            for (List<String> key : table.uniqueKeys()) {
                List<ForeignKey> fks = table.foreignKeys().stream().filter(fk -> key.containsAll(fk.columns())
                        && !fk.refTable().equals(table.name()) && rows.containsKey(fk.refTable())).toList();
                if (fks.isEmpty() || fks.stream().mapToInt(fk -> fk.columns().size()).sum() != key.size()) {
                    continue;
                }
                long combinations = 1;
                for (ForeignKey fk : fks) {
                    combinations = Math.min(Long.MAX_VALUE / Math.max(1, rows.get(fk.refTable())), combinations) * rows.get(fk.refTable());
                }
                if (combinations < rows.get(table.name())) {
                    rows.put(table.name(), combinations);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A child with at most one row per parent: a unique key within the foreign key's columns. */
    private static boolean oneToOne(Table child, ForeignKey fk) {
        return child.uniqueKeys().stream().anyMatch(key -> fk.columns().containsAll(key));
    }

    /** Longest chain of tables referencing {@code table}, one under the other (cycles cut, at most 20). */
    private static int height(String table, Map<String, Map<String, Integer>> children, Map<String, Integer> memo, Set<String> path) {
        Integer known = memo.get(table);
        if (known != null) {
            return known;
        }
        if (!path.add(table)) {
            return 0;
        }
        int height = 0;
        for (Map.Entry<String, Integer> child : children.getOrDefault(table, Map.of()).entrySet()) {
            height = Math.max(height, child.getValue() + height(child.getKey(), children, memo, path));
        }
        path.remove(table);
        memo.put(table, Math.min(height, 20));
        return memo.get(table);
    }

    /**
     * The tables in an order where every parent comes before its children. A cycle of foreign keys
     * is broken at a key whose columns are all nullable: it is left NULL. A cycle through NOT NULL
     * keys only is broken by leaving one of its tables empty.
     */
    static Ordered order(Collection<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Set<String> nulled = new LinkedHashSet<>();
        Map<String, String> emptied = new LinkedHashMap<>();
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < byName.size()) {
            Table next = byName.values().stream()
                    .filter(t -> !placed.contains(t.name()))
                    .filter(t -> waitingFor(t, byName, placed, nulled).isEmpty())
                    .findFirst().orElse(null);
            if (next == null) {
                Table emptiedTable = breakCycle(byName, placed, nulled);
                if (emptiedTable != null) {
                    emptied.put(emptiedTable.name(), cycleReason(byName, placed));
                    ordered.add(emptiedTable);
                    placed.add(emptiedTable.name());
                }
                continue;
            }
            ordered.add(next);
            placed.add(next.name());
        }
        return new Ordered(ordered, nulled, emptied);
    }

    private static List<ForeignKey> waitingFor(Table table, Map<String, Table> batch, Set<String> placed, Set<String> nulled) {
        return table.foreignKeys().stream()
                .filter(fk -> !fk.refTable().equals(table.name()))
                .filter(fk -> batch.containsKey(fk.refTable()) && !placed.contains(fk.refTable()))
                .filter(fk -> !nulled.contains(key(table, fk)))
                .toList();
    }

    /**
     * Leaves a nullable key of a cycle NULL; returns the table to leave empty when there is none.
     * The key is one on the cycle: a table that only waits for a table of the cycle keeps its keys
     * and loads once the cycle is broken (Marquez's job_facets waits for runs, which is on a cycle
     * with jobs and job_versions; nulling its key would leave every facet pointing at no run).
     */
    private static Table breakCycle(Map<String, Table> batch, Set<String> placed, Set<String> nulled) {
        List<Wait> cycle = cycle(batch, placed, nulled);
        for (Wait wait : cycle) {
            if (nullable(wait.table(), wait.key())) {
                nulled.add(key(wait.table(), wait.key()));
                return null;
            }
        }
        for (Table table : batch.values()) { // a cycle through NOT NULL keys only: any nullable key that waits, as before
            if (placed.contains(table.name())) {
                continue;
            }
            for (ForeignKey fk : waitingFor(table, batch, placed, nulled)) {
                if (nullable(table, fk)) {
                    nulled.add(key(table, fk));
                    return null;
                }
            }
        }
        return cycle.get(0).table();
    }

    private record Wait(Table table, ForeignKey key) {
    }

    /**
     * One cycle among the tables still waiting, each wait a table's key on the next table. Every
     * table left waits for another one left (else it would have been placed), so following the
     * waits from any of them comes back to a table already passed.
     */
    private static List<Wait> cycle(Map<String, Table> batch, Set<String> placed, Set<String> nulled) {
        Table table = batch.values().stream().filter(t -> !placed.contains(t.name())).findFirst().orElseThrow();
        List<Wait> path = new ArrayList<>();
        Map<String, Integer> passed = new HashMap<>();
        while (!passed.containsKey(table.name())) {
            passed.put(table.name(), path.size());
            ForeignKey key = waitingFor(table, batch, placed, nulled).get(0);
            path.add(new Wait(table, key));
            table = batch.get(key.refTable());
        }
        return path.subList(passed.get(table.name()), path.size());
    }

    private static boolean nullable(Table table, ForeignKey fk) {
        return fk.columns().stream().allMatch(c -> table.column(c).map(col -> !col.notNull()).orElse(false));
    }

    private static String cycleReason(Map<String, Table> batch, Set<String> placed) {
        return "foreign keys form a cycle through NOT NULL columns (" + batch.values().stream()
                .filter(t -> !placed.contains(t.name())).map(Table::name).collect(Collectors.joining(", "))
                + "), so one table of it stays empty";
    }

    static String key(Table table, ForeignKey fk) {
        return table.name() + "/" + fk.name();
    }

    /**
     * Tables in load order, the foreign keys (as {@link #key}) left NULL to break cycles, and the
     * tables left empty (with the reason) where no nullable key could break one.
     */
    record Ordered(List<Table> tables, Set<String> nulledForeignKeys, Map<String, String> emptied) {
    }
}
