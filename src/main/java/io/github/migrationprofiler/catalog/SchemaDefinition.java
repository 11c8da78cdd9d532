package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The application's schema by name, as the catalog defines it: tables, columns (type, nullability,
 * default), constraints, indexes, sequences, views, functions and enum types. Two databases whose
 * definitions are equal hold the same schema, however they got there: what a rollback is checked
 * with. The migration tools' own tables are left out.
 */
public final class SchemaDefinition {

    /**
     * Each object's kind and name ("column public.orders.coupon") and its definition, one query per
     * kind; tables and their columns also give what identifies them under any name (oid, attnum).
     * Views and materialized views hold no data of their own: they have none.
     */
    private static final List<String> QUERIES = List.of(
            """
            SELECT 'table ' || %1$s, c.relkind::text, CASE WHEN c.relkind IN ('r', 'p') THEN c.oid::text END
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm', 'f') AND %2$s AND NOT %3$s""",
            """
            SELECT 'column ' || %1$s || '.' || quote_ident(a.attname),
                   format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                   || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END,
                   CASE WHEN c.relkind IN ('r', 'p') THEN c.oid || '.' || a.attnum END
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND %2$s AND NOT %3$s""",
            """
            SELECT 'constraint ' || %1$s || '.' || quote_ident(k.conname), pg_get_constraintdef(k.oid)
              FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE %2$s AND NOT %3$s""",
            """
            SELECT 'index ' || format('%%I.%%I', n.nspname, i.relname), pg_get_indexdef(x.indexrelid)
                   || CASE WHEN x.indisvalid THEN '' ELSE ' (INVALID)' END
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = i.relnamespace
             WHERE %2$s AND NOT %3$s""",
            """
            SELECT 'sequence ' || %1$s, format_type(s.seqtypid, NULL)
              FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE %2$s""",
            """
            SELECT 'view ' || %1$s, pg_get_viewdef(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('v', 'm') AND %2$s""",
            """
            SELECT 'function ' || format('%%I.%%I', n.nspname, p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                   pg_get_function_result(p.oid) || ' ' || md5(coalesce(p.prosrc, ''))
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE %2$s AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')""",
            """
            SELECT 'type ' || format('%%I.%%I', n.nspname, t.typname),
                   'enum (' || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')'
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
             WHERE %2$s GROUP BY n.nspname, t.typname""");

    private final Map<String, String> objects;
    /** Each table's and its columns' identity in its database, which a rename keeps: "16385", "16385.3". */
    private final Map<String, String> identities;

    private SchemaDefinition(Map<String, String> objects, Map<String, String> identities) {
        this.objects = objects;
        this.identities = identities;
    }

    public static SchemaDefinition read(Connection connection) throws SQLException {
        Map<String, String> objects = new TreeMap<>();
        Map<String, String> identities = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = s.executeQuery(query.formatted(CatalogSql.QUALIFIED, CatalogSql.USER_SCHEMA,
                        CatalogSql.toolTable("c")))) {
                    boolean identified = rs.getMetaData().getColumnCount() > 2;
                    while (rs.next()) {
                        objects.put(rs.getString(1), rs.getString(2));
                        if (identified && rs.getString(3) != null) {
                            identities.put(rs.getString(1), rs.getString(3));
                        }
                    }
                }
            }
        }
        return new SchemaDefinition(objects, identities);
    }

    /**
     * How this schema departs from {@code expected}, one line per object: "missing: index
     * public.orders_note_idx", "still there: column public.orders.coupon", "changed: column
     * public.orders.quantity is bigint NOT NULL, was integer NOT NULL". Empty when they are the same.
     */
    public List<String> differencesFrom(SchemaDefinition expected) {
        List<String> differences = new ArrayList<>();
        expected.objects.forEach((object, definition) -> {
            String now = objects.get(object);
            if (now == null) {
                differences.add("missing: " + object);
            } else if (!now.equals(definition)) {
                differences.add("changed: " + object + " is " + now + ", was " + definition);
            }
        });
        objects.keySet().stream().filter(object -> !expected.objects.containsKey(object))
                .forEach(object -> differences.add("still there: " + object));
        return differences;
    }

    /** The tables this schema has and {@code earlier} had not, by name as the catalog qualifies them ("public.orders"). */
    public Set<String> tablesAddedSince(SchemaDefinition earlier) {
        return objects.keySet().stream().filter(o -> o.startsWith("table ") && !earlier.objects.containsKey(o))
                .map(o -> o.substring("table ".length())).collect(Collectors.toSet());
    }

    /**
     * The tables and columns of this schema that {@code after}, read later in the same database, no
     * longer has under any name: "table public.orders", "column public.orders.coupon". One renamed
     * back is still there.
     */
    public List<String> droppedIn(SchemaDefinition after) {
        return identities.keySet().stream().filter(o -> !after.identities.containsValue(identities.get(o)))
                .filter(o -> !o.startsWith("column ") || !droppedTable(o, after)).sorted()
                .toList();
    }

    /** Whether the column's whole table is gone in {@code after}: then the table is named, not each column. */
    private boolean droppedTable(String column, SchemaDefinition after) {
        String name = column.substring("column ".length());
        String table = identities.get("table " + name.substring(0, name.lastIndexOf('.')));
        return table != null && !after.identities.containsValue(table);
    }
}
