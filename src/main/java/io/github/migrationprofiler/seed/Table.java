package io.github.migrationprofiler.seed;

import java.util.List;
import java.util.Optional;

/**
 * A table as the seeder needs it.
 *
 * @param name        schema-qualified, quoted where needed ({@code public.users})
 * @param columns     in column order
 * @param uniqueKeys  column sets of the primary key and every unique constraint or plain unique index
 * @param foreignKeys outgoing foreign keys
 * @param checks      table CHECK constraints by name, as {@code pg_get_constraintdef} text
 * @param partitionKey the partition key column of a partitioned table, or {@code null}
 * @param partitionBounds bounds of its partitions, as {@code pg_get_expr(relpartbound)} text
 */
public record Table(String name, List<Column> columns, List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys,
                    java.util.Map<String, String> checks, String partitionKey, List<String> partitionBounds) {

    /** {@code public.users} → {@code users}: how people name tables in the pom. */
    public static String shortName(String qualified) {
        return qualified.startsWith("public.") ? qualified.substring(7) : qualified;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
