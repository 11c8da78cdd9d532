package io.github.migrationprofiler.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Docker engine against a real daemon. The image comes from MIGRATION_PROFILER_TEST_IMAGE
 * (CI builds a local one; there is no registry), else postgres:17, pulled if absent. Without a
 * daemon, or without the image where it cannot be pulled, these tests are skipped with the reason,
 * except under CI=true, where that is a failure: CI must run them.
 */
class DockerEngineIT {

    static final String IMAGE = System.getenv().getOrDefault("MIGRATION_PROFILER_TEST_IMAGE", "postgres:" + PostgresVersion.DEFAULT);
    static DockerClient docker;
    /** Shared with the user's own runs on this image: the test removes it after. */
    static final String DATA_VOLUME = "migration-profiler-data-";

    @TempDir
    Path project;

    /** Why the Docker tests cannot run here, or {@code null} when they can. */
    static String unavailable;

    @BeforeAll
    static void findDaemon() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        try {
            docker = DockerClientImpl.getInstance(config,
                    new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build());
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            unavailable = "no Docker daemon answers at " + config.getDockerHost() + " (" + ProfilerException.rootMessage(e) + ")";
            return;
        }
        if (!imagePresentOrPulled()) {
            unavailable = "image " + IMAGE + " is not on the daemon at " + config.getDockerHost() + " and cannot be pulled "
                    + "(set MIGRATION_PROFILER_TEST_IMAGE to a local image)";
        }
    }

    /** Each test is skipped through an assumption, so the reports count it as skipped, with the reason; CI must run them. */
    @BeforeEach
    void requireDaemon() {
        if (unavailable != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run the Docker tests, but " + unavailable);
        }
        Assumptions.assumeTrue(unavailable == null, () -> "Docker tests skipped: " + unavailable);
    }

    private static boolean imagePresentOrPulled() {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return true;
        } catch (RuntimeException absent) {
            try {
                return docker.pullImageCmd(IMAGE).start().awaitCompletion(3, TimeUnit.MINUTES);
            } catch (RuntimeException | InterruptedException unpullable) {
                return false;
            }
        }
    }

    @AfterAll
    static void closeClient() throws Exception {
        if (docker != null) {
            docker.close();
        }
    }

    @AfterEach
    void noContainerIsLeft() {
        if (unavailable == null) {
            assertThat(ourContainers()).isEmpty();
        }
    }

    static List<Container> ourContainers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.github.migrationprofiler", "true")).exec();
    }

    private ProfilerConfig.Builder config(String sql) {
        write(project.resolve("db/V1__m.sql"), sql);
        return ProfilerConfig.builder(project)
                .sqlDirectory(project.resolve("db"))
                .engine(EngineKind.DOCKER)
                .docker(DockerOptions.DEFAULTS.withImage(IMAGE))
                .outputDirectory(project.resolve("target"));
    }

    @Test
    void profilesInAContainerAndRemovesIt() {
        RunResult result = Profiles.profile(config("""
                CREATE TABLE t (id int);
                INSERT INTO t SELECT generate_series(1, 100);
                """).build());

        assertThat(result.engine().kind()).isEqualTo("docker");
        assertThat(result.engine().image()).isEqualTo(IMAGE);
        assertThat(result.engine().serverVersion()).matches("\\d+\\.\\d+.*");
        assertThat(result.migrations()).singleElement().satisfies(m -> assertThat(m.rowsAffected()).isEqualTo(100));
    }

    @Test
    void withoutAnImageTheOfficialImageOfTheMajorRuns() {
        String tag = IMAGE.substring(IMAGE.lastIndexOf(':') + 1);
        Assumptions.assumeTrue(tag.matches("\\d+"), "the test image's tag names its major: " + IMAGE);
        String official = "postgres:" + tag;
        boolean tagged = !imagePresent(official);
        if (tagged) { // no registry here: the test image stands in for the official one
            docker.tagImageCmd(IMAGE, "postgres", tag).exec();
        }
        try {
            RunResult result = Profiles.profile(config("CREATE TABLE t (id int);\n").docker(DockerOptions.DEFAULTS)
                    .postgresVersion(Integer.valueOf(tag)).build());

            assertThat(result.engine().image()).isEqualTo(official);
            assertThat(result.engine().serverVersion()).startsWith(tag + ".");
            assertThat(result.engine().versionReason()).isEqualTo("postgresVersion=" + tag);
        } finally {
            if (tagged) {
                docker.removeImageCmd(official).withNoPrune(true).exec();
            }
        }
    }

    private static boolean imagePresent(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException absent) {
            return false;
        }
    }

    @Test
    void serverSettingsReachPostgres() {
        RunResult result = Profiles.profile(config("""
                DO $$ BEGIN
                  IF current_setting('work_mem') <> '7MB' THEN
                    RAISE EXCEPTION 'work_mem is %', current_setting('work_mem');
                  END IF;
                END $$;
                """).serverSettings(Map.of("work_mem", "7MB")).build());

        assertThat(result.migrations()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
    }

    @Test
    void aFailingMigrationStillRemovesTheContainer() {
        RunResult result = Profiles.profile(config("SELECT * FROM nope;\n").build());

        assertThat(result.failures()).singleElement().satisfies(m -> assertThat(m.error().sqlState()).isEqualTo("42P01"));
    }

    @Test
    void anImageThatCannotBePulledIsNamedWithTheWaysOut() {
        ProfilerConfig config = config("SELECT 1;\n").docker(DockerOptions.DEFAULTS.withImage("migration-profiler-test/no-such-image:1")).build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("Cannot pull image migration-profiler-test/no-such-image:1: ")
                .hasMessageContaining("migration-profiler.image")
                .hasMessageContaining("-Dmigration-profiler.engine=embedded");
    }

    @Test
    void autoFallsBackToEmbeddedWhenDockerCannotRunTheImage() {
        List<String> lines = new ArrayList<>();
        ProfilerConfig config = config("SELECT 1;\n").engine(EngineKind.AUTO)
                .docker(DockerOptions.DEFAULTS.withImage("migration-profiler-test/no-such-image:1")).build();

        RunResult result = Profiles.profile(config, new CollectingLog(lines));

        assertThat(result.engine().kind()).isEqualTo("embedded");
        assertThat(lines).anyMatch(l -> l.startsWith("WARN Docker could not run PostgreSQL, using embedded PostgreSQL instead"));
    }

    @Test
    void keptContainerPrintsConnectionDetailsWithAMaskedPassword() {
        List<String> lines = new ArrayList<>();
        ProfilerConfig config = config("CREATE TABLE kept (id int);\n")
                .docker(DockerOptions.DEFAULTS.withImage(IMAGE).withKeepContainer(true)).build();
        try {
            RunResult result = Profiles.profile(config, new CollectingLog(lines));

            assertThat(ourContainers()).hasSize(1);
            assertThat(lines).anyMatch(l -> l.matches("Kept container migration-profiler-\\w+\\. Connect with: "
                    + "psql postgresql://postgres:\\*\\*\\*\\*@127\\.0\\.0\\.1:\\d+/postgres .*"));
            assertThat(lines).anyMatch(l -> l.startsWith("Kept database " + result.database() + " on PostgreSQL container"));
        } finally {
            ourContainers().forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        }
    }

    @Test
    void ctrlCRemovesTheContainer() throws Exception {
        write(project.resolve("db/V1__m.sql"), "SELECT pg_sleep(120);\n");
        try (ChildProfiler child = ChildProfiler.start(project, "docker", "image=" + IMAGE)) {
            ChildProfiler.await("container ready", () -> child.output().contains("ready on 127.0.0.1"));
            assertThat(ourContainers()).hasSize(1);

            assertThat(child.interruptAndWait()).isTrue();

            assertThat(child.output()).contains("Removed container migration-profiler-");
        }
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftBehind() throws Exception {
        write(project.resolve("db/V1__m.sql"), "SELECT pg_sleep(120);\n");
        try (ChildProfiler child = ChildProfiler.start(project, "docker", "image=" + IMAGE)) {
            ChildProfiler.await("container ready", () -> child.output().contains("ready on 127.0.0.1"));
            child.killHard();
        }
        List<Container> leftovers = ourContainers();
        assertThat(leftovers).hasSize(1);

        List<String> lines = new ArrayList<>();
        Profiles.profile(config("SELECT 1;\n").build(), new CollectingLog(lines));

        assertThat(lines).anyMatch(l -> l.startsWith("Removed leftover container " + leftovers.get(0).getNames()[0])
                && l.contains("is gone"));
    }

    @Test
    void theDataVolumeKeepsTheBaselineBetweenRunsForOneRunAtATime() throws Exception {
        ProfilerConfig.Builder config = config("CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);\n")
                .migrations(List.of("V2__*")).cacheDirectory(project.resolve("cache"))
                .seed(SeedOptions.parse("5000", 7, 0.1, Map.of()));
        write(project.resolve("db/V2__backfill.sql"), "UPDATE accounts SET balance = balance + 1;\n");
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<String> beside = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        List<String> remade = new ArrayList<>();
        try {
            RunResult built = Profiles.profile(config.build(), new CollectingLog(first));
            RunResult copied = Profiles.profile(config.build(), new CollectingLog(second));
            try (PostgresServer holder = Engines.start(config.build(), PostgresVersion.choose(null, null), ProfilerLog.SILENT)) {
                assertThat(holder.outlivesRun()).isTrue();
                assertThat(Profiles.profile(config.build(), new CollectingLog(beside)).failures()).isEmpty();
            }
            try (var secrets = Files.list(project.resolve("cache/docker"))) {
                Files.writeString(secrets.findFirst().orElseThrow(), "not-the-password");
            }
            Profiles.profile(config.build(), new CollectingLog(damaged));
            Profiles.profile(config.build(), new CollectingLog(remade));

            assertThat(first).anyMatch(l -> l.startsWith("Started on data volume " + DATA_VOLUME));
            assertThat(first).anyMatch(l -> l.startsWith("Baseline: cache miss"));
            assertThat(second).anyMatch(l -> l.startsWith("Baseline: cache hit"));
            assertThat(copied.migrations().get(0).rowsAffected()).isPositive().isEqualTo(built.migrations().get(0).rowsAffected());
            assertThat(beside).anyMatch(l -> l.startsWith("Data volume " + DATA_VOLUME) && l.contains("is in use by another run"));
            assertThat(beside).noneMatch(l -> l.startsWith("Baseline:"));
            assertThat(damaged).anyMatch(l -> l.startsWith("WARN ") && l.contains("password")
                    && l.contains("is removed and made again by the next run"));
            assertThat(remade).anyMatch(l -> l.startsWith("Started on data volume " + DATA_VOLUME));
            assertThat(remade).anyMatch(l -> l.startsWith("Baseline: cache miss"));
        } finally {
            docker.listVolumesCmd().exec().getVolumes().stream().filter(v -> v.getName().startsWith(DATA_VOLUME))
                    .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
        }
    }
}
