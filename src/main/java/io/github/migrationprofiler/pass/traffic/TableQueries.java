package io.github.migrationprofiler.pass.traffic;

import io.github.migrationprofiler.catalog.Keys;

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
 * The insert is rolled back, and skips a row that a unique key refuses: a copy would break a unique
 * key the migration is about to add or has added, which the application's own rows respect; the
 * locks an insert takes are had all the same.
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
        Keys.Addressing addressing = Keys.addressing(connection, table);
        if (addressing == null) {
            return null;
        }
        String key = addressing.key();
        List<Object> keys = sampleKeys(connection, table, key);
        if (keys.isEmpty()) {
            return null;
        }
        String where = " WHERE " + key + " = ?";
        List<String> updatable = addressing.updatable();
        String update = updatable.isEmpty() ? null
                : "UPDATE " + table + " SET " + updatable.get(0) + " = " + updatable.get(0) + where;
        List<String> columns = addressing.columns();
        String list = String.join(", ", columns);
        String insert = !addressing.keyHasDefault() || addressing.otherUnique() || columns.isEmpty() ? null
                : "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + table + where + " ON CONFLICT DO NOTHING";
        return new TableQueries(table, "SELECT * FROM " + table + where, update, insert, keys);
    }

    /** The everyday mix on this table, one query in ten each: six reads, three updates, one insert (reads where a kind is missing). */
    List<Template> templates() {
        List<Template> mix = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String sql = i == 0 && insert != null ? insert : i > 0 && i <= 3 && update != null ? update : read;
            mix.add(new Template(table, sql, keys, !sql.startsWith("SELECT"), sql.startsWith("INSERT")));
        }
        return mix;
    }

    /** Existing keys of {@code table}'s single-column primary key; empty when it has none or no rows. */
    static List<Object> keysOf(Connection connection, String table) throws SQLException {
        String key = Keys.primaryKey(connection, table);
        return key == null ? List.of() : sampleKeys(connection, table, key);
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
