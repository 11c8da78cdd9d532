package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What CI does to a build: {@code kill -9} in the middle of a run, on each engine that keeps
 * state outside the JVM, then a second run; and SIGTERM on the embedded engine. Each test asserts
 * what is left (nothing) and what the runs say.
 */
class KilledRunIT {

    static final TestPostgres server = TestPostgres.shared();
    private static final Path REGISTRY = Path.of(System.getProperty("java.io.tmpdir"), "migration-profiler", "embedded");

    @TempDir
    Path project;

    @Test
    void theNextRunStopsAndRemovesTheEmbeddedServerOfAKilledRun() throws Exception {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        write(project.resolve("db/V2__slow.sql"), "SELECT pg_sleep(120) FROM t LIMIT 1;\n");
        Path data;
        long postmaster;
        try (ChildProfiler child = ChildProfiler.start(project, "embedded", "seed=1000")) {
            ChildProfiler.await("the migration runs", () -> child.output().contains("PASSED V1__t.sql"));
            Properties record = record(child.pid());
            data = Path.of(record.getProperty("dataDirectory"));
            postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            child.killHard();
        }
        assertThat(ProcessHandle.of(postmaster)).as("kill -9 leaves the server running").isPresent();

        List<String> lines = new ArrayList<>();
        write(project.resolve("db/V2__slow.sql"), "SELECT 1;\n");
        Profiles.profile(server.config(project).sqlDirectory(project.resolve("db")).engine(EngineKind.EMBEDDED).build(),
                new CollectingLog(lines));

        assertThat(lines).anyMatch(l -> l.startsWith("Removed the embedded PostgreSQL of a run that is gone")
                && l.contains("server process " + postmaster + " stopped") && l.contains(data.toString()));
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("the killed run's server").isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void theNextRunDropsTheScratchDatabasesOfAKilledRunOnAnExternalServer() throws Exception {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        write(project.resolve("db/V2__slow.sql"), "SELECT pg_sleep(120) FROM t LIMIT 1;\n");
        try (ChildProfiler child = ChildProfiler.startExternal(project, server, "seed=1000")) {
            ChildProfiler.await("pg_sleep runs", () -> child.output().contains("PASSED V1__t.sql"));
            child.killHard();
        }
        List<String> left = server.scratchDatabases();
        assertThat(left).as("kill -9 leaves its databases, one still running its statement").isNotEmpty();

        List<String> lines = new ArrayList<>();
        write(project.resolve("db/V2__slow.sql"), "SELECT 1;\n");
        Profiles.profile(server.config(project).sqlDirectory(project.resolve("db")).build(), new CollectingLog(lines));

        assertThat(lines).filteredOn(l -> l.endsWith("left by a run that is gone")
                        || l.endsWith("left by a run that is gone, ending the sessions it left running"))
                .hasSize(left.size());
        server.assertLeftNothingBehind();
    }

    @Test
    void aRunOfAnotherLiveProcessIsNeverTouched() throws Exception {
        write(project.resolve("db/V1__slow.sql"), "SELECT pg_sleep(120);\n");
        try (ChildProfiler child = ChildProfiler.startExternal(project, server)) {
            ChildProfiler.await("the child's database exists", () -> child.output().contains("PostgreSQL"));
            List<String> theirs = server.scratchDatabases();
            Path other = project.resolve("other");
            write(other.resolve("db/V1__t.sql"), "SELECT 1;\n");

            Profiles.profile(server.config(other).sqlDirectory(other.resolve("db")).build());

            assertThat(server.scratchDatabases()).containsAll(theirs);
            assertThat(child.interruptAndWait()).isTrue();
        }
        server.assertLeftNothingBehind();
    }

    @Test
    void sigtermOnTheEmbeddedEngineSaysOnlyWhatIsTrueAndKeepsTheMigrationsThatRan() throws Exception {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        write(project.resolve("db/V2__slow.sql"), "SELECT pg_sleep(120) FROM t LIMIT 1;\n");
        try (ChildProfiler child = ChildProfiler.start(project, "embedded", "seed=1000")) {
            ChildProfiler.await("the migration runs", () -> child.output().contains("PASSED V1__t.sql"));
            Path data = Path.of(record(child.pid()).getProperty("dataDirectory"));

            assertThat(child.interruptAndWait()).isTrue();

            assertThat(child.output()).doesNotContain("Drop it by hand", "Cleanup of");
            assertThat(data).doesNotExist();
            RunResult result = ResultsJson.read(project.resolve("target/migration-profiler/results.json"));
            assertThat(result.migrations()).extracting(MigrationResult::id, MigrationResult::status)
                    .containsExactly(tuple("V1__t.sql", Status.PASSED), tuple("V2__slow.sql", Status.INTERRUPTED));
        }
    }

    /** The record the child's embedded server left where the next run looks. */
    private static Properties record(long pid) throws Exception {
        Path[] found = new Path[1];
        ChildProfiler.await("the child's server is recorded", () -> {
            try (Stream<Path> files = Files.list(REGISTRY)) {
                found[0] = files.filter(f -> f.getFileName().toString().startsWith(pid + "-")).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        Properties record = new Properties();
        try (Reader in = Files.newBufferedReader(found[0])) {
            record.load(in);
        }
        return record;
    }
}
