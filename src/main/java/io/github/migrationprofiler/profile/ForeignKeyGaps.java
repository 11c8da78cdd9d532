package io.github.migrationprofiler.profile;

import io.github.migrationprofiler.analysis.ForeignKeyGap;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Foreign keys whose referencing columns no index starts with, as the migration's session sees them. */
final class ForeignKeyGaps {

    private static final String QUERY = """
            SELECT con.conname, quote_ident(n.nspname) || '.' || quote_ident(t.relname),
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
                   con.confrelid::regclass::text
              FROM pg_constraint con
              JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE con.contype = 'f' AND con.conparentid = 0
               AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = con.conrelid
                                 AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] @> con.conkey)""";

    private ForeignKeyGaps() {
    }

    static Map<String, ForeignKeyGap> read(Connection connection) throws SQLException {
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
