package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Quoting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The key values a foreign key may point at: rows of the parent, addressed by index. */
interface ParentKeys {

    /** A parent with no rows (yet): nullable keys stay NULL. */
    ParentKeys NONE = new ParentKeys() {
        @Override
        public long count() {
            return 0;
        }

        @Override
        public void append(int i, long parentRow, StringBuilder out) {
            out.append(Values.NULL);
        }
    };

    long count();

    /** The value of the {@code i}-th referenced column in parent row {@code parentRow}, as COPY text. */
    void append(int i, long parentRow, StringBuilder out);

    /** Keys of a parent this run seeded: computed again from its generators, nothing is stored. */
    static ParentKeys seeded(TableValues parent, List<String> refColumns) {
        List<Values> columns = refColumns.stream().map(parent::column).toList();
        return new ParentKeys() {
            @Override
            public long count() {
                return parent.rows();
            }

            @Override
            public void append(int i, long parentRow, StringBuilder out) {
                columns.get(i).append(parentRow, out);
            }
        };
    }

    /**
     * Keys of a parent that already held data (reference data inserted by a migration): read once,
     * but for rows whose first key value is in {@code doomed} (a later migration deletes them).
     */
    static ParentKeys existing(Connection connection, String table, List<String> refColumns, Set<String> doomed)
            throws SQLException {
        String select = refColumns.stream().map(c -> Quoting.identifier(c) + "::text").collect(Collectors.joining(", "));
        List<String[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + table + " ORDER BY 1")) {
            while (rs.next()) {
                String[] row = new String[refColumns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                if (!doomed.contains(row[0])) {
                    rows.add(row);
                }
            }
        }
        return new ParentKeys() {
            @Override
            public long count() {
                return rows.size();
            }

            @Override
            public void append(int i, long parentRow, StringBuilder out) {
                String value = rows.get((int) parentRow)[i];
                if (value == null) {
                    out.append(Values.NULL);
                } else {
                    Values.appendEscaped(value, out);
                }
            }
        };
    }
}
