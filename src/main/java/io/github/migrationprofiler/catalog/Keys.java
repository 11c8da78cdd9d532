package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** How a table's rows are addressed: its single-column primary key and the columns around it ({@code pg_index}, {@code pg_attribute}). */
public final class Keys {

    /**
     * A table addressed by a single-column primary key.
     *
     * @param key           the key column, quoted
     * @param keyHasDefault the key fills itself (default, serial, identity)
     * @param columns       the other stored columns, quoted, in order
     * @param updatable     of them, those no index or constraint involves
     * @param otherUnique   another unique index exists besides the primary key
     */
    public record Addressing(String key, boolean keyHasDefault, List<String> columns, List<String> updatable, boolean otherUnique) {
    }

    private Keys() {
    }

    /** {@code null} when the table has no single-column primary key. */
    public static Addressing addressing(Connection connection, String table) throws SQLException {
        String key = null;
        boolean keyHasDefault = false;
        List<String> columns = new ArrayList<>();
        List<String> updatable = new ArrayList<>();
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
        return key == null ? null : new Addressing(key, keyHasDefault, columns, updatable, hasOtherUnique(connection, table));
    }

    private static boolean hasOtherUnique(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT count(*) FROM pg_index i WHERE i.indrelid = ?::regclass AND i.indisunique AND NOT i.indisprimary""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The table's single-column primary key, quoted; {@code null} without one. */
    public static String primaryKey(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT quote_ident(a.attname) FROM pg_index i JOIN pg_attribute a "
                + "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = ?::regclass AND i.indisprimary AND i.indnatts = 1")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * {@code table} as the catalog names it everywhere else ({@code public.orders}), resolved on the
     * search path; {@code null} when no such table exists.
     */
    public static String qualified(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + CatalogSql.QUALIFIED + " FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
