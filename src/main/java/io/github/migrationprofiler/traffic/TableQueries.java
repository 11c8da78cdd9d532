package io.github.migrationprofiler.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An application's everyday queries on one table, as old code would send them while the
 * migration runs: a read by primary key, an update of a column no key or constraint involves, and
 * an insert of a new row made from an existing one (so it satisfies every constraint but keys,
 * which the table's defaults fill). Only the columns the table has before the migration are named.
 *
 * @param table  qualified name
 * @param read   {@code SELECT … WHERE key = ?}
 * @param update {@code UPDATE … SET c = c WHERE key = ?}, or {@code null} without a column to update
 * @param insert {@code INSERT … SELECT … WHERE key = ?}, or {@code null} where a new row needs a key the table does not make
 * @param keys   existing keys, to bind
 */
record TableQueries(String table, String read, String update, String insert, List<Object> keys) {

    /** How many existing keys the clients choose from. */
    private static final int KEYS = 1_000;

    /**
     * The queries for {@code table}, or {@code null} when it has no single-column primary key to
     * address rows by, or no rows.
     */
    static TableQueries of(Connection connection, String table) throws SQLException {
        String key = null;
        List<String> columns = new ArrayList<>();
        List<String> updatable = new ArrayList<>();
        boolean keyHasDefault = false;
        boolean otherUnique;
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT quote_ident(a.attname),
                       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND i.indnatts = 1
                                                          AND i.indkey[0] = a.attnum),
                       a.atthasdef OR a.attidentity <> '',
                       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND a.attnum = ANY (i.indkey))
                       OR EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = a.attrelid AND a.attnum = ANY (c.conkey)),
                       a.attgenerated <> ''
                  FROM pg_attribute a
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    if (rs.getBoolean(5)) {
                        continue; // generated: computed, never written
                    }
                    if (rs.getBoolean(2)) {
                        key = column;
                        keyHasDefault = rs.getBoolean(3);
                    } else {
                        columns.add(column);
                        if (!rs.getBoolean(4)) {
                            updatable.add(column);
                        }
                    }
                }
            }
        }
        if (key == null) {
            return null;
        }
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT count(*) FROM pg_index i WHERE i.indrelid = ?::regclass AND i.indisunique AND NOT i.indisprimary""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                otherUnique = rs.getLong(1) > 0;
            }
        }
        List<Object> keys = sampleKeys(connection, table, key);
        if (keys.isEmpty()) {
            return null;
        }
        String where = " WHERE " + key + " = ?";
        String update = updatable.isEmpty() ? null
                : "UPDATE " + table + " SET " + updatable.get(0) + " = " + updatable.get(0) + where;
        String list = String.join(", ", columns);
        String insert = !keyHasDefault || otherUnique || columns.isEmpty() ? null
                : "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + table + where;
        return new TableQueries(table, "SELECT * FROM " + table + where, update, insert, keys);
    }

    /** The everyday mix on this table, one query in ten each: six reads, three updates, one insert (reads where a kind is missing). */
    List<Template> templates() {
        List<Template> mix = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String sql = i == 0 && insert != null ? insert : i > 0 && i <= 3 && update != null ? update : read;
            mix.add(new Template(table, sql, keys, !sql.startsWith("SELECT")));
        }
        return mix;
    }

    /** Existing keys of {@code table}'s single-column primary key; empty when it has none or no rows. */
    static List<Object> keysOf(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT quote_ident(a.attname) FROM pg_index i JOIN pg_attribute a "
                + "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = ?::regclass AND i.indisprimary AND i.indnatts = 1")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? sampleKeys(connection, table, rs.getString(1)) : List.of();
            }
        }
    }

    /** Keys spread over the table (a sample of its pages), not only its first rows. */
    private static List<Object> sampleKeys(Connection connection, String table, String key) throws SQLException {
        List<Object> keys = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + key + " FROM " + table
                + " TABLESAMPLE SYSTEM (least(100, greatest(1, 100.0 * ? / greatest(1, (SELECT reltuples FROM pg_class WHERE oid = ?::regclass)))))"
                + " LIMIT " + KEYS)) {
            s.setInt(1, 3 * KEYS);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getObject(1));
                }
            }
        }
        return keys;
    }
}
