package io.github.migrationprofiler.seed;

import java.util.List;

/** A foreign key: {@code columns} of the owning table reference {@code refColumns} of {@code refTable}. */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns) {

    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }
}
