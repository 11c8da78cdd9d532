package io.github.migrationprofiler.catalog;

import java.util.List;

/**
 * A CHECK constraint of a table.
 *
 * @param name       constraint name
 * @param definition as {@code pg_get_constraintdef} prints it ({@code CHECK ((price > 0))}, maybe {@code NOT VALID})
 * @param columns    the columns it reads
 */
public record Check(String name, String definition, List<String> columns) {

    public Check {
        columns = List.copyOf(columns);
    }

    /** The definition without {@code NOT VALID}: rows written later must satisfy it all the same. */
    public String enforced() {
        return definition.endsWith(" NOT VALID") ? definition.substring(0, definition.length() - 10) : definition;
    }
}
