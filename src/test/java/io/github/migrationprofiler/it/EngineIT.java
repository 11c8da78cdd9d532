package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Engines start, fail clearly, and clean up after themselves, also when interrupted. */
class EngineIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    private ProfilerConfig.Builder oneMigration() {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        return server.config(project).sqlDirectory(project.resolve("db"));
    }

    @Test
    void embeddedEngineRunsPostgres17() {
        RunResult result = Profiles.profile(oneMigration().engine(EngineKind.EMBEDDED).build());

        assertThat(result.engine().kind()).isEqualTo("embedded");
        assertThat(result.engine().serverVersion()).startsWith("17.");
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void rolesTheMigrationsGrantToAreMadeOnlyOnAServerTheRunStarts() throws Exception {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\nGRANT SELECT ON t TO report_reader;\n");
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db"));

        RunResult without = Profiles.profile(config.engine(EngineKind.EMBEDDED).build());
        RunResult with = Profiles.profile(config.engine(EngineKind.EMBEDDED).roles(List.of("report_reader")).build());

        assertThat(without.migrations().get(0).warnings()).contains("the role report_reader is one production has: give it with "
                + "migration-profiler.roles=report_reader (created NOLOGIN on the server the run starts)");
        assertThat(with.failures()).isEmpty();
        assertThatThrownBy(() -> Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .roles(List.of("report_reader_nowhere")).build()))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("The roles report_reader_nowhere (migration-profiler.roles) do not exist on ")
                .hasMessageContaining("the run creates roles only on a server it starts itself");
        assertThat(server.scratchDatabases()).isEmpty();
    }

    @Test
    void anExistingServerOfAnotherMajorThanAskedIsWarnedOf() throws Exception {
        int major = PostgresVersion.majorOf(server.strings("SHOW server_version").get(0));
        int other = major == 17 ? 16 : 17;

        RunResult result = Profiles.profile(oneMigration().postgresVersion(other).build());

        assertThat(result.engine().versionReason()).isEqualTo("postgresVersion=" + other);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("Profiled on PostgreSQL " + major + ".")
                && w.contains(", not " + other + " (postgresVersion=" + other + "): the server at jdbcUrl is of another major"));
    }

    @Test
    void autoPicksTheExternalServerWhenAUrlIsSet() throws Exception {
        RunResult result = Profiles.profile(oneMigration().engine(EngineKind.AUTO).build());

        assertThat(result.engine().kind()).isEqualTo("external");
        assertThat(server.scratchDatabases()).isEmpty();
    }

    @Test
    void aUserWithoutCreatedbIsToldWhatToGrant() throws Exception {
        ProfilerConfig config = oneMigration().credentials(TestPostgres.NO_CREATEDB).build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("User 'readonly' may not create databases")
                .hasMessageContaining("ALTER ROLE readonly CREATEDB");
        assertThat(server.scratchDatabases()).isEmpty();
    }

    @Test
    void aWrongPasswordIsNamedWithoutShowingIt() {
        ProfilerConfig config = oneMigration().credentials(new Credentials("profiler", "wrong-password-123")).build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("Cannot connect to " + server.jdbcUrl() + " as profiler")
                .hasMessageContaining("Check the credentials")
                .hasMessageNotContaining("wrong-password-123");
    }

    @Test
    void aServerThatIsNotThereIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProfilerConfig config = oneMigration().jdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres").build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("Cannot connect to jdbc:postgresql://127.0.0.1:" + closedPort)
                .hasMessageContaining("Check that the server runs");
    }

    @Test
    void externalEngineNeedsAUrl() {
        ProfilerConfig config = oneMigration().engine(EngineKind.EXTERNAL).jdbcUrl(null).build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .hasMessageContaining("engine=external needs migration-profiler.jdbcUrl");
    }

    @Test
    void dockerWithNoDaemonNamesTheAddressAndTheWaysOut() {
        ProfilerConfig config = oneMigration().engine(EngineKind.DOCKER)
                .docker(DockerOptions.DEFAULTS.withDockerHost("unix:///tmp/no-docker-daemon-here.sock")).build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("no Docker daemon answers at unix:///tmp/no-docker-daemon-here.sock")
                .hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("-Dmigration-profiler.engine=embedded");
    }

    @Test
    void aSocketNobodyListensOnIsRefusedAtOnceAndNamed() throws Exception {
        Path socket = project.resolve("docker.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket)); // closing it leaves the file, as a stopped daemon does
        }
        ProfilerConfig config = oneMigration().engine(EngineKind.DOCKER)
                .docker(DockerOptions.DEFAULTS.withDockerHost("unix://" + socket)).build();

        assertThat(socket).exists();
        assertThatThrownBy(() -> Profiles.profile(config))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("no Docker daemon answers at unix://" + socket + " (Connection refused)");
    }

    @Test
    void theCachedDataDirectoryIsMadeOnceThenStartedOnAndADamagedOneIsMadeAgain() throws Exception {
        Path cache = project.resolve("cache");
        ProfilerConfig config = oneMigration().engine(EngineKind.EMBEDDED).cacheDirectory(cache).build();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        Profiles.profile(config, new CollectingLog(first));
        Profiles.profile(config, new CollectingLog(second));

        Path data = cache.resolve("embedded-postgres-data-17"); // the default major
        assertThat(first).anyMatch(l -> l.equals("Made the cached embedded data directory " + data
                + " (later runs start on it without initdb)"));
        assertThat(second).contains("Started on the cached embedded data directory " + data);
        assertThat(data.resolve("postmaster.pid")).as("stopped after the run").doesNotExist();

        Files.writeString(data.resolve("PG_VERSION"), "9\n"); // no server of ours starts on it
        List<String> damaged = new ArrayList<>();
        RunResult result = Profiles.profile(config, new CollectingLog(damaged));

        assertThat(result.failures()).isEmpty();
        assertThat(damaged).anyMatch(l -> l.startsWith("WARN The cached embedded data directory " + data + " did not start"));
        assertThat(data).doesNotExist();
    }

    @Test
    void autoWithNoDaemonUsesEmbeddedAndSaysWhy() {
        List<String> lines = new ArrayList<>();
        ProfilerConfig config = oneMigration().engine(EngineKind.AUTO).jdbcUrl(null)
                .docker(DockerOptions.DEFAULTS.withDockerHost("unix:///tmp/no-docker-daemon-here.sock")).build();

        RunResult result = Profiles.profile(config, new CollectingLog(lines));

        assertThat(result.engine().kind()).isEqualTo("embedded");
        assertThat(lines).anyMatch(l -> l.startsWith("Engine: embedded PostgreSQL (engine=auto: no Docker daemon answers at "
                + "unix:///tmp/no-docker-daemon-here.sock"));
    }

    @Test
    void ctrlCDuringAMigrationDropsTheScratchDatabaseAndReportsItInterrupted() throws Exception {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        // sleeps only on the seeded table: the rehearsal on empty tables passes at once, the profiled run is interrupted
        write(project.resolve("db/V2__slow.sql"), "SELECT pg_sleep(120) FROM t LIMIT 1;\n");
        try (ChildProfiler child = ChildProfiler.startExternal(project, server, "seed=1000")) {
            // active: an idle session that ran the rehearsal still shows it as its last query
            ChildProfiler.await("pg_sleep runs", () -> !query("SELECT pid FROM pg_stat_activity WHERE state = 'active' "
                    + "AND query LIKE 'SELECT pg_sleep%'").isEmpty());
            assertThat(server.scratchDatabases()).as("the profiled database and the clean pass's follower").hasSize(2);

            assertThat(child.interruptAndWait()).as("profiler exits after Ctrl-C").isTrue();

            assertThat(server.scratchDatabases()).isEmpty();
            assertThat(server.appRows()).isEqualTo(42);
            assertThat(child.output()).contains("Dropped scratch database test_migration_").doesNotContain("Exception", "Error");
            RunResult result = ResultsJson.read(project.resolve("target/migration-profiler/results.json"));
            assertThat(result.migrations()).extracting(MigrationResult::id, MigrationResult::status)
                    .containsExactly(tuple("V1__t.sql", Status.PASSED), tuple("V2__slow.sql", Status.INTERRUPTED));
            assertThat(result.migrations().get(1).error()).isNull(); // not reported as an SQL failure (57P01)
        }
    }

    private static List<String> query(String sql) {
        try {
            return server.strings(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
