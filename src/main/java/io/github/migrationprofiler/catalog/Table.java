package io.github.migrationprofiler.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table as the seeder needs it.
 *
 * @param oid             its oid in the database it was read from
 * @param name            schema-qualified, quoted where needed ({@code public.users})
 * @param columns         in column order
 * @param uniqueKeys      column sets of the primary key, unique constraints and unique indexes (for a partial or
 *                        expression index: the columns it reads, which is stricter and so safe)
 * @param foreignKeys     outgoing foreign keys
 * @param checks          CHECK constraints
 * @param partitionKey    the partition key column of a partitioned table, or {@code null}
 * @param partitionBounds bounds of its partitions, as {@code pg_get_expr(relpartbound)} text
 * @param indexes         definitions of its indexes, where the keys of JSON documents show
 */
public record Table(long oid, String name, List<Column> columns, List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys,
                    List<Check> checks, String partitionKey, List<String> partitionBounds, List<String> indexes) {

    public Table {
        columns = List.copyOf(columns);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).distinct().toList();
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        partitionBounds = List.copyOf(partitionBounds);
        indexes = List.copyOf(indexes);
    }

    /** {@code public.users} → {@code users}: how people name tables in the pom. */
    public static String shortName(String qualified) {
        return qualified.startsWith("public.") ? qualified.substring(7) : qualified;
    }

    /**
     * How to name the table in {@code <rowCounts>}: the element name is the table's name without
     * quotes ({@code <PROJECT>} for {@code "PROJECT"}, {@code <app.users>} in another schema).
     */
    public static String pomName(String qualified) {
        return shortName(qualified).replace("\"", "");
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Column> columnAt(int position) {
        return columns.stream().filter(c -> c.position() == position).findFirst();
    }

    public boolean referencesItself() {
        return foreignKeys.stream().anyMatch(fk -> fk.refTable().equals(name));
    }
}
