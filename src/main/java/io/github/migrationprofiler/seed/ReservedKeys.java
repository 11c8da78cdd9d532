package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Quoting;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.catalog.Tables;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Key values the migrations insert themselves (reference rows, {@code loadData}), read in the
 * rehearsal, where no seeded row exists, right after each migration that inserts and once more
 * at the end: by table oid and column position, so a table dropped later still tells. The seeder
 * leaves these values to the migrations, so a later {@code INSERT … VALUES (1, …)} does not
 * collide with a seeded row.
 */
final class ReservedKeys {

    /** Tables with more rows than this hold data, not reference rows; their keys are not kept. */
    private static final int LIMIT = 100_000;

    private final Map<Long, Map<Integer, Set<String>>> values = new HashMap<>();
    /** Values a migration deleted again (seen once, gone later): no seeded row may point at them. */
    private final Map<Long, Map<Integer, Set<String>>> deleted = new HashMap<>();

    /** Reads the values of {@code table}'s unique key columns, if it holds a few rows. */
    void observe(Connection connection, Table table) throws SQLException {
        Set<String> keyColumns = table.uniqueKeys().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
        if (keyColumns.isEmpty()) {
            return;
        }
        if (!Tables.hasRows(connection, table.name())) {
            values.getOrDefault(table.oid(), Map.of()).forEach((position, all) ->
                    deleted.computeIfAbsent(table.oid(), k -> new HashMap<>()).computeIfAbsent(position, k -> new HashSet<>()).addAll(all));
            return;
        }
        List<String> columns = List.copyOf(keyColumns);
        String select = columns.stream().map(c -> Quoting.identifier(c) + "::text").collect(Collectors.joining(", "));
        Map<Integer, Set<String>> byPosition = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + table.name() + " LIMIT " + (LIMIT + 1))) {
            int rows = 0;
            while (rs.next()) {
                if (++rows > LIMIT) {
                    return;
                }
                for (int i = 0; i < columns.size(); i++) {
                    String value = rs.getString(i + 1);
                    int position = table.column(columns.get(i)).map(Column::position).orElse(-1);
                    if (value != null) {
                        byPosition.computeIfAbsent(position, k -> new HashSet<>()).add(value);
                    }
                }
            }
        }
        Map<Integer, Set<String>> known = values.computeIfAbsent(table.oid(), k -> new HashMap<>());
        known.forEach((position, all) -> {
            Set<String> gone = new HashSet<>(all);
            gone.removeAll(byPosition.getOrDefault(position, Set.of()));
            if (!gone.isEmpty()) {
                deleted.computeIfAbsent(table.oid(), k -> new HashMap<>()).computeIfAbsent(position, k -> new HashSet<>()).addAll(gone);
            }
        });
        byPosition.forEach((position, set) -> known.computeIfAbsent(position, k -> new HashSet<>()).addAll(set));
    }

    /** The values of the column at {@code position} of table {@code oid} that a migration deletes again. */
    Set<String> deleted(long oid, int position) {
        return deleted.getOrDefault(oid, Map.of()).getOrDefault(position, Set.of());
    }

    /** The values reserved in the column at {@code position} of table {@code oid}. */
    Set<String> of(long oid, int position) {
        return values.getOrDefault(oid, Map.of()).getOrDefault(position, Set.of());
    }
}
