package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Quoting;
import io.github.migrationprofiler.catalog.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** What a table needs once its rows are loaded: its sequences moved past them, and its statistics. */
final class Loaded {

    private Loaded() {
    }

    /** Identity and serial columns were written explicitly; their sequences must continue after the highest value. */
    static void advanceSequences(Connection connection, Table table) throws SQLException {
        for (Column column : table.columns()) {
            if (column.sequence() != null) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT setval('" + column.sequence().replace("'", "''") + "', max(" + Quoting.identifier(column.name())
                            + ")) FROM " + table.name() + " HAVING max(" + Quoting.identifier(column.name()) + ") IS NOT NULL");
                }
            }
        }
    }

    static void analyze(Connection connection, List<Table> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            // vacuumed as production's tables are: hint bits set and pages all-visible, so the first
            // migration to read them does not pay for that (at scale, a third of an UPDATE's time)
            s.execute("VACUUM (ANALYZE) " + tables.stream().map(Table::name).collect(Collectors.joining(", ")));
        }
    }
}
