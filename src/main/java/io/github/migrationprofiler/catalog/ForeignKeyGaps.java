package io.github.migrationprofiler.catalog;

import io.github.migrationprofiler.result.ForeignKeyGap;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Foreign keys whose referencing columns no index starts with, as the migration's session sees them.
 * An object, so that a test can make the read fail.
 */
public class ForeignKeyGaps {

    private static final String QUERY = """
            SELECT con.conname, %s,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
                   con.confrelid::regclass::text
              FROM pg_constraint con
              JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE con.contype = 'f' AND con.conparentid = 0 AND %s
               AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = con.conrelid
                                 AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] @> con.conkey)
            """.formatted(CatalogSql.QUALIFIED, CatalogSql.USER_SCHEMA);

    /** Foreign keys without an index, by table and constraint. */
    public Map<String, ForeignKeyGap> read(Connection connection) throws SQLException {
        Map<String, ForeignKeyGap> gaps = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                Array columns = rs.getArray(3);
                ForeignKeyGap gap = new ForeignKeyGap(rs.getString(1), rs.getString(2),
                        Arrays.asList((String[]) columns.getArray()), rs.getString(4));
                gaps.put(gap.table() + "/" + gap.constraint(), gap);
            }
        }
        return gaps;
    }
}
