package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server that tests treat as somebody else's: password authentication, a role
 * that may create databases, one that may not, and an application database the profiler must
 * never touch.
 */
public final class TestPostgres implements AutoCloseable {

    public static final Credentials PROFILER = new Credentials("profiler", "profiler-secret-pw");
    public static final Credentials NO_CREATEDB = new Credentials("readonly", "readonly-secret-pw");

    private static TestPostgres shared;

    private final EmbeddedPostgres postgres;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** One server for all integration tests in this JVM, started on first use, stopped at exit. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("cannot start the test PostgreSQL server", e);
            }
            TestPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return shared;
    }

    private static TestPostgres start() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                .start();
        TestPostgres server = new TestPostgres(postgres);
        try (Connection admin = server.admin("postgres"); Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE profiler LOGIN CREATEDB PASSWORD '" + PROFILER.password() + "'");
            s.execute("CREATE ROLE readonly LOGIN PASSWORD '" + NO_CREATEDB.password() + "'");
            s.execute("CREATE DATABASE app");
        }
        try (Connection app = server.admin("app"); Statement s = app.createStatement()) {
            s.execute("CREATE TABLE customers (id int PRIMARY KEY); INSERT INTO customers SELECT generate_series(1, 42)");
        }
        return server;
    }

    /** Trust for the superuser (zonky's own checks), passwords for everyone else. */
    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public Connection admin(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    /** A config for the external engine on this server as the CREATEDB role. */
    public ProfilerConfig.Builder config(Path baseDir) {
        return ProfilerConfig.builder(baseDir)
                .engine(EngineKind.EXTERNAL)
                .jdbcUrl(jdbcUrl())
                .credentials(PROFILER)
                .outputDirectory(baseDir.resolve("target/migration-profiler"));
    }

    /** Every database on the server whose name marks it as a profiler scratch database. */
    public List<String> scratchDatabases() throws SQLException {
        return strings("SELECT datname FROM pg_database WHERE datname LIKE 'test_migration_%'");
    }

    public List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection admin = admin("postgres"); Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The untouched application database still holds exactly its 42 rows. */
    public long appRows() throws SQLException {
        try (Connection app = admin("app"); Statement s = app.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** No scratch database is left, and the application database the profiler must never touch still has its 42 rows. */
    public void assertLeftNothingBehind() throws SQLException {
        org.assertj.core.api.Assertions.assertThat(scratchDatabases()).as("scratch databases left").isEmpty();
        org.assertj.core.api.Assertions.assertThat(appRows()).as("rows of the untouched application database").isEqualTo(42);
    }

    /** Drops databases a test kept to look at (runs with keepDatabase), then checks nothing else is left. */
    public void dropKept(List<String> databases) throws SQLException {
        try (Connection admin = admin("postgres"); Statement s = admin.createStatement()) {
            for (String database : databases) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        org.assertj.core.api.Assertions.assertThat(scratchDatabases()).isEmpty();
    }

    /** The first column of the first row of {@code sql} on {@code db}. */
    public static String string(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static long count(Connection db, String sql) throws SQLException {
        return Long.parseLong(string(db, sql));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
