package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The server's roles and databases ({@code pg_roles}, {@code pg_database}), as a run that creates databases needs them. */
public final class Roles {

    /** The session's user, and whether it may create databases (CREATEDB or superuser). */
    public record CurrentUser(String name, boolean createsDatabases) {
    }

    private Roles() {
    }

    public static CurrentUser currentUser(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_user, rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() ? new CurrentUser(rs.getString(1), rs.getBoolean(2)) : new CurrentUser(null, true);
        }
    }

    /**
     * The comment on database {@code name}: empty when there is no such database, an empty string
     * when it has no comment.
     */
    public static Optional<String> databaseComment(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
