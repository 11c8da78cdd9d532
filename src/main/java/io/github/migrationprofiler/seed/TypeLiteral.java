package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.SqlType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A literal the database accepts for a type the generator does not know: tried, not guessed. */
final class TypeLiteral {

    /** Literals tried, in order, for a NOT NULL column of a type nothing else generates. */
    private static final List<String> CANDIDATES = List.of("0", "1", "", "{}", "[]", "a", "t", "(0,0)", "00:00:00", "2000-01-01",
            "0.0.0.0", "00:00:00:00:00:00", "[0,1)", "<a/>");

    private TypeLiteral() {
    }

    /**
     * The first candidate PostgreSQL casts to {@code type} without complaint, or {@code null};
     * {@code literals} remembers each type's answer.
     */
    static String accepted(Connection connection, SqlType type, Map<String, String> literals) {
        return literals.computeIfAbsent(type.display(), display -> {
            for (String candidate : CANDIDATES) {
                try (PreparedStatement s = connection.prepareStatement("SELECT CAST(? AS " + display + ")")) {
                    s.setString(1, candidate);
                    s.execute();
                    return candidate;
                } catch (SQLException rejected) {
                    // not a value of this type: try the next one
                }
            }
            return null;
        });
    }
}
