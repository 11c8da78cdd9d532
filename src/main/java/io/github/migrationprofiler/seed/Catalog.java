package io.github.migrationprofiler.seed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the user tables of a database from the system catalogs: columns with their effective
 * types, keys, foreign keys, CHECK constraints and partitioning. Partitions are not listed on
 * their own: rows go through their partitioned parent.
 */
public final class Catalog {

    /** Tables that belong to migration tools, not to the application. */
    private static final List<String> TOOL_TABLES = List.of("databasechangelog", "databasechangeloglock", "flyway_schema_history");

    private static final String TABLES = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, c.relkind = 'p' AS partitioned
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
               AND c.relname <> ALL (?)
             ORDER BY 2""";

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, a.attnotnull OR coalesce(t.typnotnull, false) AS notnull,
                   a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated,
                   pg_get_expr(d.adbin, d.adrelid) AS default_expr,
                   pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS sequence,
                   et.typname, format_type(et.oid, CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END),
                   CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS typmod,
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = et.oid ORDER BY e.enumsortorder) AS labels,
                   el.typname AS element,
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = el.oid ORDER BY e.enumsortorder) AS element_labels,
                   ARRAY(SELECT pg_get_constraintdef(dc.oid) FROM pg_constraint dc WHERE dc.contypid = t.oid AND dc.contype = 'c') AS domain_checks
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON t.oid = a.atttypid
              JOIN pg_type et ON et.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
              LEFT JOIN pg_type el ON el.oid = et.typelem AND et.typcategory = 'A'
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum""";

    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, con.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
                   CASE WHEN con.contype = 'f' THEN (SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = con.confrelid) END AS ref,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols,
                   pg_get_constraintdef(con.oid) AS def
              FROM pg_constraint con
             WHERE con.conrelid = ANY (?) AND con.contype IN ('f', 'c') AND con.conparentid = 0
             ORDER BY con.conrelid, con.conname""";

    /** Unique indexes cover primary keys, unique constraints and plain unique indexes alike. */
    private static final String UNIQUE_KEYS = """
            SELECT i.indrelid,
                   ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols
              FROM pg_index i
             WHERE i.indrelid = ANY (?) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
               AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)""";

    private static final String PARTITIONS = """
            SELECT p.partrelid, a.attname, ARRAY(SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits h
                     JOIN pg_class c ON c.oid = h.inhrelid WHERE h.inhparent = p.partrelid) AS bounds
              FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
             WHERE p.partrelid = ANY (?)""";

    private Catalog() {
    }

    /** Every user table, by qualified name. */
    public static Map<String, Table> read(Connection connection) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Boolean> partitioned = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(TABLES)) {
            s.setArray(1, connection.createArrayOf("text", TOOL_TABLES.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                    partitioned.put(rs.getLong(1), rs.getBoolean(3));
                }
            }
        }
        Array oids = connection.createArrayOf("oid", names.keySet().toArray());
        Map<Long, List<Column>> columns = columns(connection, oids);
        Map<Long, List<List<String>>> uniques = new HashMap<>();
        query(connection, UNIQUE_KEYS, oids, rs -> uniques.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(strings(rs, 2)));
        Map<Long, List<ForeignKey>> foreignKeys = new HashMap<>();
        Map<Long, Map<String, String>> checks = new HashMap<>();
        query(connection, CONSTRAINTS, oids, rs -> {
            long oid = rs.getLong(1);
            if (rs.getString(3).equals("f")) {
                foreignKeys.computeIfAbsent(oid, k -> new ArrayList<>())
                        .add(new ForeignKey(rs.getString(2), strings(rs, 4), rs.getString(5), strings(rs, 6)));
            } else {
                checks.computeIfAbsent(oid, k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(7));
            }
        });
        Map<Long, String> partitionKeys = new HashMap<>();
        Map<Long, List<String>> bounds = new HashMap<>();
        query(connection, PARTITIONS, oids, rs -> {
            partitionKeys.put(rs.getLong(1), rs.getString(2));
            bounds.put(rs.getLong(1), strings(rs, 3));
        });
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<Long, String> entry : names.entrySet()) {
            long oid = entry.getKey();
            tables.put(entry.getValue(), new Table(entry.getValue(), columns.getOrDefault(oid, List.of()),
                    uniques.getOrDefault(oid, List.of()), foreignKeys.getOrDefault(oid, List.of()),
                    checks.getOrDefault(oid, Map.of()), partitionKeys.get(oid), bounds.getOrDefault(oid, List.of())));
        }
        return tables;
    }

    private static Map<Long, List<Column>> columns(Connection connection, Array oids) throws SQLException {
        Map<Long, List<Column>> columns = new HashMap<>();
        query(connection, COLUMNS, oids, rs -> {
            List<String> labels = strings(rs, 11);
            SqlType element = rs.getString(12) == null ? null
                    : SqlType.of(rs.getString(12), rs.getString(12), -1, strings(rs, 13), null);
            SqlType type = SqlType.of(rs.getString(8), rs.getString(9), rs.getInt(10), labels, element);
            String defaultExpr = rs.getString(6);
            boolean identity = rs.getBoolean(4);
            boolean serial = defaultExpr != null && defaultExpr.startsWith("nextval(");
            columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), type,
                    rs.getBoolean(3), defaultExpr != null || identity, identity || serial, rs.getString(7),
                    rs.getBoolean(5), strings(rs, 14)));
        });
        return columns;
    }

    /** Whether {@code table} holds data already; asked only of tables not seen before, not of the whole catalog. */
    static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Array oids, RowReader reader) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, oids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
