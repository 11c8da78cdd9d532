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

    private CatalogSql() {
    }
}
