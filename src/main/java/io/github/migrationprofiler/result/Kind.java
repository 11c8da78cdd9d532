package io.github.migrationprofiler.result;

/** How heavy a migration is, judged from what it did, not from its name. */
public enum Kind {
    /** Catalog-only changes: add or drop a column or table, an enum value, a default, a rename. */
    SMALL,
    /** Work proportional to a table, without rewriting it: index builds, constraint validation, scans. */
    MEDIUM,
    /** Rewrites, and UPDATE or DELETE of most of a table's rows (a backfill). */
    LARGE
}
