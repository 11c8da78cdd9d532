package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.SqlType;
import io.github.migrationprofiler.catalog.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Every constraint one table has over the rehearsal, by column position (positions survive
 * renames), each with the last migration after which it was still there. Rows seeded at some
 * point must obey every constraint the table has from then on, also those a later migration
 * drops or widens again: a unique index on (a, b) that a later release turns into (a, b, c) still
 * fails on duplicates of (a, b) when it is created.
 */
final class Lifetime {

    /** Still present at the end of the rehearsal. */
    static final int OPEN = Integer.MAX_VALUE;

    record NotNull(int position) {
    }

    /** A type the column has at some time: values written earlier must also be valid input for it. */
    record TypeAt(int position, SqlType type) {
    }

    record Unique(List<Integer> positions) {
    }

    /** @param columns the column names the definition uses, with their positions */
    record CheckAt(String name, String definition, Map<String, Integer> columns) {
    }

    record ForeignKeyAt(String name, List<Integer> positions, long parentOid, List<Integer> parentPositions) {
    }

    /** Column names by position, as last seen. */
    final Map<Integer, String> names = new HashMap<>();
    /** Columns a migration filled from others ({@code UPDATE t SET a = b}): target position → source positions. */
    final Map<Integer, Set<Integer>> copiedFrom = new HashMap<>();
    /** Each constraint, and the last clock tick it was seen at ({@link #OPEN} while present). */
    private final Map<Object, Integer> until = new LinkedHashMap<>();

    /** Records the table as it stands at clock tick {@code now}; what it no longer has ends at the tick before. */
    void observe(Table table, int now, Map<String, Long> oids, LongFunction<Lifetime> lifetimeOf) {
        Map<String, Integer> positions = new HashMap<>();
        table.columns().forEach(c -> positions.put(c.name(), c.position()));
        List<Object> present = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column.notNull()) {
                present.add(new NotNull(column.position()));
            }
            present.add(new TypeAt(column.position(), column.type()));
        }
        for (List<String> key : table.uniqueKeys()) {
            present.add(new Unique(key.stream().map(positions::get).toList()));
        }
        for (Check check : table.checks()) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            check.columns().forEach(c -> columns.put(c, positions.get(c)));
            present.add(new CheckAt(check.name(), check.definition(), columns));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            long parent = oids.getOrDefault(fk.refTable(), 0L);
            Lifetime parentLife = parent == table.oid() ? this : lifetimeOf.apply(parent);
            Map<String, Integer> parentPositions = new HashMap<>();
            if (parent == table.oid()) {
                parentPositions.putAll(positions);
            } else if (parentLife != null) {
                parentLife.names.forEach((position, name) -> parentPositions.put(name, position));
            }
            List<Integer> refPositions = fk.refColumns().stream().map(parentPositions::get).toList();
            if (parent != 0 && !refPositions.contains(null)) {
                present.add(new ForeignKeyAt(fk.name(), fk.columns().stream().map(positions::get).toList(), parent, refPositions));
            }
        }
        present.removeIf(constraint -> constraint instanceof Unique u && u.positions().contains(null));
        until.replaceAll((constraint, last) -> last == OPEN && !present.contains(constraint) ? now - 1 : last);
        present.forEach(constraint -> until.put(constraint, OPEN));
        names.clear();
        table.columns().forEach(c -> names.put(c.position(), c.name()));
    }

    /** The table was dropped at tick {@code now}. */
    void close(int now) {
        until.replaceAll((constraint, last) -> last == OPEN ? now - 1 : last);
    }

    /** The constraints gone before tick {@code tick}: a foreign key dropped by an earlier migration. */
    List<Object> before(int tick) {
        return until.entrySet().stream().filter(e -> e.getValue() < tick).map(Map.Entry::getKey).toList();
    }

    /** The constraints still present at or after tick {@code from}. */
    List<Object> from(int from) {
        return until.entrySet().stream().filter(e -> e.getValue() >= from).map(Map.Entry::getKey).toList();
    }
}
