package io.github.migrationprofiler.catalog;

import java.util.List;

/**
 * A foreign key: {@code columns} of the owning table reference {@code refColumns} of {@code refTable}.
 *
 * @param parentLater the key belongs to the final schema and its parent (or the parent's key) is
 *                    created by a later migration: no parent row exists yet
 */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns, boolean parentLater) {

    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }

    public ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns) {
        this(name, columns, refTable, refColumns, false);
    }
}
