package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.support.ProfilerException;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A server someone else runs, reached by JDBC URL. The run only ever works inside the scratch
 * database it creates; the database named in the URL is used for CREATE/DROP DATABASE only.
 */
final class ExternalServer implements PostgresServer {

    private final String url;
    private final Credentials credentials;
    private final Map<String, String> sessionSettings;

    private ExternalServer(String url, Credentials credentials, Map<String, String> sessionSettings) {
        this.url = url;
        this.credentials = credentials;
        this.sessionSettings = Map.copyOf(sessionSettings);
    }

    /** Checks that the server answers and the credentials work, with advice when they do not. */
    static ExternalServer connect(String url, Credentials credentials, Map<String, String> sessionSettings) {
        ExternalServer server = new ExternalServer(url, credentials, sessionSettings);
        try (Connection ignored = server.connect(server.maintenanceDatabase())) {
            return server;
        } catch (SQLException e) {
            String advice = "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())
                    ? "Check the credentials: a settings.xml <server> named by migration-profiler.serverId, "
                        + "or MIGRATION_PROFILER_USERNAME / MIGRATION_PROFILER_PASSWORD."
                    : "Check that the server runs and that migration-profiler.jdbcUrl is right, "
                        + "or use -Dmigration-profiler.engine=embedded.";
            throw new ProfilerException("Cannot connect to " + JdbcUrls.redact(url) + " as "
                    + (credentials.username() == null ? "the default user" : credentials.username())
                    + ": " + e.getMessage() + ". " + advice, e);
        }
    }

    @Override
    public boolean outlivesRun() {
        return true;
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public String maintenanceDatabase() {
        return JdbcUrls.database(url);
    }

    @Override
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        if (credentials.username() != null) {
            properties.setProperty("user", credentials.username());
        }
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        properties.setProperty("ApplicationName", "migration-profiler");
        if (!sessionSettings.isEmpty()) {
            // every session of the run starts with them, as -c options at connection time
            properties.setProperty("options", sessionSettings.entrySet().stream()
                    .map(e -> "-c " + e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace(" ", "\\ "))
                    .collect(Collectors.joining(" ")));
        }
        // the driver directly: DriverManager does not see drivers in Maven's plugin class realm
        Connection connection = new Driver().connect(JdbcUrls.withDatabase(url, database), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + JdbcUrls.redact(url));
        }
        return connection;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public String toString() {
        return "external server " + JdbcUrls.redact(url);
    }
}
