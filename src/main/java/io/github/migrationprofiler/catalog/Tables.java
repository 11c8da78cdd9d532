package io.github.migrationprofiler.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the user tables of a database from the system catalogs: columns with their effective
 * types, keys, foreign keys, CHECK constraints and partitioning. Partitions are not listed on
 * their own: rows go through their partitioned parent.
 */
public final class Tables {

    /** The user tables: where rows go (partitions are filled through their partitioned parent). */
    static final String TABLES = """
            SELECT c.oid, %s AS name
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND %s
               AND NOT %s
             ORDER BY 2""".formatted(CatalogSql.QUALIFIED, CatalogSql.USER_SCHEMA, CatalogSql.toolTable("c"));

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, a.attnum, a.attnotnull OR coalesce(t.typnotnull, false) AS notnull,
                   a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated,
                   pg_get_expr(d.adbin, d.adrelid) AS default_expr,
                   pg_get_serial_sequence(%1$s, a.attname) AS sequence,
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
             ORDER BY a.attrelid, a.attnum""".formatted(CatalogSql.QUALIFIED);

    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, con.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
                   CASE WHEN con.contype = 'f' THEN (SELECT %1$s
                           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = con.confrelid) END AS ref,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols,
                   pg_get_constraintdef(con.oid) AS def
              FROM pg_constraint con
             WHERE con.conrelid = ANY (?) AND con.contype IN ('f', 'c') AND con.conparentid = 0
             ORDER BY con.conrelid, con.conname""".formatted(CatalogSql.QUALIFIED);

    /**
     * Every index: unique ones (primary keys, unique constraints, unique indexes, also partial or on
     * expressions) and exclusion constraints give keys; all give the JSON keys their expressions use.
     */
    private static final String INDEXES = """
            SELECT i.indrelid,
                   ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
                   pg_get_expr(i.indexprs, i.indrelid) AS exprs, i.indisunique OR i.indisexclusion AS unique,
                   pg_get_indexdef(i.indexrelid) AS def
              FROM pg_index i
             WHERE i.indrelid = ANY (?)
               AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)""";

    private static final String PARTITIONS = """
            SELECT p.partrelid, a.attname, ARRAY(SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits h
                     JOIN pg_class c ON c.oid = h.inhrelid WHERE h.inhparent = p.partrelid) AS bounds
              FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
             WHERE p.partrelid = ANY (?)""";

    /**
     * A hash per table of its columns, constraints and indexes, computed by the server: what
     * changed shows without reading every table again.
     */
    private static final String HASHES = """
            SELECT c.oid, md5(concat_ws('|',
                     (SELECT string_agg(a.attnum || ':' || a.attname || ':' || a.attnotnull || ':' || a.atttypid || ':' || a.atttypmod,
                             ',' ORDER BY a.attnum) FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                     (SELECT string_agg(con.oid || ':' || con.conname || ':' || con.contype::text || ':' || con.convalidated || ':' || con.confrelid
                             || ':' || coalesce(con.conkey::text, ''), ',' ORDER BY con.conname) FROM pg_constraint con
                       WHERE con.conrelid = c.oid),
                     (SELECT string_agg(i.indexrelid || ':' || i.indkey::text || ':' || i.indisunique, ',' ORDER BY i.indexrelid)
                        FROM pg_index i WHERE i.indrelid = c.oid)))
              FROM pg_class c WHERE c.oid = ANY (?)""";

    private Tables() {
    }

    /** Every user table, by qualified name. */
    public static Map<String, Table> read(Connection connection) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        tableNames(connection).forEach((name, oid) -> names.put(oid, name));
        return read(connection, names);
    }

    /** The tables given by oid and name. */
    public static Map<String, Table> read(Connection connection, Map<Long, String> names) throws SQLException {
        Array oids = connection.createArrayOf("oid", names.keySet().toArray());
        Map<Long, List<Column>> columns = columns(connection, oids);
        Map<Long, List<List<String>>> uniques = new HashMap<>();
        Map<Long, List<String>> indexes = new HashMap<>();
        query(connection, INDEXES, oids, rs -> {
            long oid = rs.getLong(1);
            indexes.computeIfAbsent(oid, k -> new ArrayList<>()).add(rs.getString(5));
            if (rs.getBoolean(4)) {
                List<String> key = new ArrayList<>(strings(rs, 2));
                String expressions = rs.getString(3);
                if (expressions != null) {
                    columns.getOrDefault(oid, List.of()).stream().map(Column::name)
                            .filter(c -> !key.contains(c) && Expressions.identifiers(expressions).contains(c)).forEach(key::add);
                }
                if (!key.isEmpty()) {
                    uniques.computeIfAbsent(oid, k -> new ArrayList<>()).add(key);
                }
            }
        });
        Map<Long, List<ForeignKey>> foreignKeys = new HashMap<>();
        Map<Long, List<Check>> checks = new HashMap<>();
        query(connection, CONSTRAINTS, oids, rs -> {
            long oid = rs.getLong(1);
            if (rs.getString(3).equals("f")) {
                foreignKeys.computeIfAbsent(oid, k -> new ArrayList<>())
                        .add(new ForeignKey(rs.getString(2), strings(rs, 4), rs.getString(5), strings(rs, 6)));
            } else {
                checks.computeIfAbsent(oid, k -> new ArrayList<>()).add(new Check(rs.getString(2), rs.getString(7), strings(rs, 4)));
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
            tables.put(entry.getValue(), new Table(oid, entry.getValue(), columns.getOrDefault(oid, List.of()),
                    uniques.getOrDefault(oid, List.of()), foreignKeys.getOrDefault(oid, List.of()),
                    checks.getOrDefault(oid, List.of()), partitionKeys.get(oid), bounds.getOrDefault(oid, List.of()),
                    indexes.getOrDefault(oid, List.of())));
        }
        return tables;
    }

    private static Map<Long, List<Column>> columns(Connection connection, Array oids) throws SQLException {
        Map<Long, List<Column>> columns = new HashMap<>();
        query(connection, COLUMNS, oids, rs -> {
            List<String> labels = strings(rs, 12);
            SqlType element = rs.getString(13) == null ? null
                    : SqlType.of(rs.getString(13), rs.getString(13), -1, strings(rs, 14), null);
            SqlType type = SqlType.of(rs.getString(9), rs.getString(10), rs.getInt(11), labels, element);
            String expression = rs.getString(7);
            boolean identity = rs.getBoolean(5);
            boolean generated = rs.getBoolean(6);
            boolean serial = expression != null && expression.startsWith("nextval(");
            columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getInt(3), type,
                    rs.getBoolean(4), expression != null || identity, identity || serial, rs.getString(8),
                    generated, expression, strings(rs, 15)));
        });
        return columns;
    }

    /** The user tables' qualified names and oids: one cheap query, to see whether anything changed. */
    public static Map<String, Long> tableNames(Connection connection) throws SQLException {
        Map<String, Long> tables = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(TABLES)) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return tables;
    }

    /** Each table's hash of its columns, constraints and indexes, by oid; a table that changed has a new one. */
    public static Map<Long, String> hashes(Connection connection, Collection<Long> oids) throws SQLException {
        Map<Long, String> hashes = new HashMap<>();
        query(connection, HASHES, connection.createArrayOf("oid", oids.toArray()), rs -> hashes.put(rs.getLong(1), rs.getString(2)));
        return hashes;
    }

    /** Whether {@code table} holds data already; asked only of tables not seen before, not of the whole catalog. */
    public static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The table's rows, counted up to {@code limit}: enough to tell a thin table without reading a large one. */
    public static long rowsUpTo(Connection connection, String table, long limit) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT " + limit + ") AS t")) {
            rs.next();
            return rs.getLong(1);
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
