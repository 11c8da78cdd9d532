package io.github.migrationprofiler.catalog;

import io.github.migrationprofiler.result.SchemaChange;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user tables and their columns by oid and attribute number, read from the catalog before and
 * after a migration: what was dropped, renamed or retyped is compared, not parsed from SQL, so a
 * Liquibase {@code renameColumn} and a hand-written {@code ALTER TABLE … RENAME} read the same.
 */
public final class SchemaSnapshot {

    private static final String QUERY = """
            SELECT c.oid, %s, a.attnum, quote_ident(a.attname), format_type(a.atttypid, NULL), a.attisdropped
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
             WHERE c.relkind IN ('r', 'p') AND %s""".formatted(CatalogSql.QUALIFIED, CatalogSql.USER_SCHEMA);

    private record Column(String name, String type, boolean dropped) {
    }

    private record TableColumns(String name, Map<Integer, Column> columns) {
    }

    private final Map<Long, TableColumns> tables;

    private SchemaSnapshot(Map<Long, TableColumns> tables) {
        this.tables = tables;
    }

    public static SchemaSnapshot take(Connection connection) throws SQLException {
        Map<Long, TableColumns> tables = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                TableColumns table = tables.get(rs.getLong(1));
                if (table == null) {
                    table = new TableColumns(rs.getString(2), new HashMap<>());
                    tables.put(rs.getLong(1), table);
                }
                if (rs.getObject(3) != null) {
                    table.columns().put(rs.getInt(3), new Column(rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                }
            }
        }
        return new SchemaSnapshot(tables);
    }

    /** What changed between {@code before} and this snapshot, to tables that existed before. */
    public List<SchemaChange> since(SchemaSnapshot before) {
        List<SchemaChange> changes = new ArrayList<>();
        before.tables.forEach((oid, then) -> {
            TableColumns now = tables.get(oid);
            if (now == null) {
                changes.add(new SchemaChange(SchemaChange.Kind.DROP_TABLE, then.name(), null, null));
                return;
            }
            if (!now.name().equals(then.name())) {
                changes.add(new SchemaChange(SchemaChange.Kind.RENAME_TABLE, then.name(), null, now.name()));
            }
            then.columns().forEach((attnum, was) -> {
                Column is = now.columns().get(attnum);
                if (was.dropped()) {
                    return;
                }
                if (is == null || is.dropped()) {
                    changes.add(new SchemaChange(SchemaChange.Kind.DROP_COLUMN, then.name(), was.name(), null));
                } else if (!is.name().equals(was.name())) {
                    changes.add(new SchemaChange(SchemaChange.Kind.RENAME_COLUMN, then.name(), was.name(), is.name()));
                } else if (!is.type().equals(was.type())) {
                    changes.add(new SchemaChange(SchemaChange.Kind.TYPE_CHANGE, then.name(), was.name(), was.type() + " → " + is.type()));
                }
            });
        });
        changes.sort(Comparator.comparing(SchemaChange::table).thenComparing(c -> String.valueOf(c.column())));
        return changes;
    }
}
