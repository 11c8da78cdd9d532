package io.github.migrationprofiler.analysis;

/** How heavy a migration is, judged from what it did, not from its name. */
public enum Kind {
    /** Catalog-only changes: add a column, an enum value, a default, a rename. */
    SMALL,
    /** Work proportional to a table, without rewriting it: index builds, constraint validation, scans. */
    MEDIUM,
    /** Rewrites, drops of populated columns or tables, full-table data changes. */
    LARGE
}
