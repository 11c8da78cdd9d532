package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A table's columns ({@code pg_attribute}). */
public final class Columns {

    private Columns() {
    }

    /**
     * The columns a COPY of the table's rows must name, quoted: the stored ones (generated columns
     * compute themselves); {@code null} for a partition, whose rows come with its parent's.
     */
    public static List<String> stored(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.relispartition, array_agg(quote_ident(a.attname) ORDER BY a.attnum)
                  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE c.oid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 GROUP BY c.relispartition""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBoolean(1)) {
                    return null;
                }
                return List.of((String[]) rs.getArray(2).getArray());
            }
        }
    }
}
