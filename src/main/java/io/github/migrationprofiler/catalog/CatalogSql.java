package io.github.migrationprofiler.catalog;

/**
 * The two pieces every catalog query shares, written once: which schemas are the application's,
 * and how a relation is named.
 */
final class CatalogSql {

    /**
     * The application's schemas, as a condition on {@code n} ({@code pg_namespace}): not
     * PostgreSQL's own. Every schema whose name starts with {@code pg_} is reserved (catalog, TOAST,
     * temporary schemas), so one pattern leaves them all out.
     */
    static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'";

    /**
     * A relation's qualified name, quoted where needed ({@code public.orders},
     * {@code "Billing".invoices}), from {@code n} ({@code pg_namespace}) and {@code c} ({@code pg_class}):
     * the name results, findings and the other passes use.
     */
    static final String QUALIFIED = "format('%I.%I', n.nspname, c.relname)";

    /**
     * Whether the table {@code alias} ({@code pg_class}) is a migration tool's own: Liquibase's
     * two, and Flyway's history table by its shape, whatever the project names it
     * ({@code spring.flyway.table=migrations}).
     */
    static String toolTable(String alias) {
        return ("(%1$s.relname IN ('databasechangelog', 'databasechangeloglock', 'flyway_schema_history')"
                + " OR (SELECT count(*) FROM pg_attribute h WHERE h.attrelid = %1$s.oid AND NOT h.attisdropped"
                + " AND h.attname IN ('installed_rank', 'script', 'checksum', 'installed_by', 'success')) = 5)").formatted(alias);
    }

    private CatalogSql() {
    }
}
