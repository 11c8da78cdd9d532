/**
 * Every query of PostgreSQL's catalogs and statistics views the run makes: relations and
 * their storage, columns, keys and constraints, locks held and awaited, settings, production's
 * statistics. The filter for the application's schemas and the way relations are named are
 * written once ({@code CatalogSql}); one {@link io.github.migrationprofiler.catalog.LockPoller}
 * looks at the lock tables for every pass. A query that fails throws: callers say what it cost.
 * Uses {@code result}, {@code config} and {@code support}.
 */
package io.github.migrationprofiler.catalog;
