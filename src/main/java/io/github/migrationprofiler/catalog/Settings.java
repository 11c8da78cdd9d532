package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's settings as a session has them ({@code pg_settings}, {@code current_setting}). */
public final class Settings {

    private Settings() {
    }

    /** The named settings as this session has them, by name; names the server does not know are left out. */
    public static Map<String, String> read(Connection connection, List<String> names) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (?) ORDER BY name")) {
            s.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return settings;
    }

    /** One setting as this session has it, e.g. {@code search_path} or {@code server_version}. */
    public static String current(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT current_setting(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A memory setting in kB, e.g. {@code maintenance_work_mem}. */
    public static long kilobytes(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT setting::bigint FROM pg_settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** This session's backend process id, as {@code pg_locks} and {@code pg_stat_activity} name it. */
    public static int backendPid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
