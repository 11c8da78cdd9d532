package io.github.migrationprofiler.seed;

import java.util.List;

/**
 * A column as the seeder needs it.
 *
 * @param name          column name
 * @param type          effective type
 * @param notNull       NOT NULL (column or domain)
 * @param hasDefault    whether a default expression exists
 * @param autoKey       identity or serial: values come from a sequence (we write them, then move the sequence on)
 * @param sequence      the sequence behind an identity/serial column, or {@code null}
 * @param generated     a generated column (never written)
 * @param checks        CHECK constraints of the column and its domain, as {@code pg_get_constraintdef} text
 */
public record Column(String name, SqlType type, boolean notNull, boolean hasDefault, boolean autoKey, String sequence,
                     boolean generated, List<String> checks) {
}
