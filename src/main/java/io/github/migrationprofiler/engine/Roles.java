package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles a project's migrations grant to or make owners, as production has them. They belong
 * to the whole server, not to the scratch database, so they are created only on a server the run
 * started itself (where they stay with its cached data, harmless: they cannot log in); an existing
 * server must have them already.
 */
public final class Roles {

    /** PostgreSQL's "duplicate object": another run on the same server created the role first. */
    private static final String DUPLICATE = "42710";

    private Roles() {
    }

    /** Makes sure {@code roles} exist on {@code server} before any migration runs. */
    public static void provide(PostgresServer server, List<String> roles, ProfilerLog log) {
        if (roles.isEmpty()) {
            return;
        }
        try (Connection c = server.connect(server.maintenanceDatabase())) {
            List<String> missing = missing(c, roles);
            if (missing.isEmpty()) {
                return;
            }
            if (server instanceof ExternalServer) {
                throw new ProfilerException("The roles " + String.join(", ", missing) + " (migration-profiler.roles) do not exist "
                        + "on " + server + ", and the run creates roles only on a server it starts itself: create them there, "
                        + "or profile on the embedded or Docker engine");
            }
            try (Statement s = c.createStatement()) {
                for (String role : missing) {
                    create(s, role);
                }
            }
            log.info("Created the role(s) " + String.join(", ", missing) + " (NOLOGIN) that the migrations grant to "
                    + "(migration-profiler.roles)");
        } catch (SQLException e) {
            throw new ProfilerException("Could not create the roles " + String.join(", ", roles) + " (migration-profiler.roles): "
                    + e.getMessage(), e);
        }
    }

    private static List<String> missing(Connection c, List<String> roles) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            for (String role : roles) {
                s.setString(1, role);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(role);
                    }
                }
            }
        }
        return missing;
    }

    private static void create(Statement s, String role) throws SQLException {
        try {
            s.execute("CREATE ROLE \"" + role.replace("\"", "\"\"") + "\" NOLOGIN");
        } catch (SQLException e) {
            if (!DUPLICATE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
