package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Constraints by name ({@code pg_constraint}). */
public final class Constraints {

    /** A foreign key's table and the table it references, by their bare names (the server's messages name them so). */
    public record ForeignKeyTables(String table, String references) {
    }

    private Constraints() {
    }

    /** Every foreign key named {@code name}: several tables may each have one of that name. */
    public static List<ForeignKeyTables> foreignKeysNamed(Connection connection, String name) throws SQLException {
        List<ForeignKeyTables> keys = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT c.relname, p.relname FROM pg_constraint k "
                + "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid WHERE k.conname = ? AND k.contype = 'f'")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKeyTables(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }
}
