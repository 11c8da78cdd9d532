package io.github.migrationprofiler.bench;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a run's cost grows linearly with what real histories hold: a file of N single-row
 * INSERTs (reference data) and one INSERT of an N-megabyte literal, each profiled whole at the
 * small scale with the traffic pass, at N, 2N and 4N. Run in a 1 GB heap: {@code ./mvnw -Pbench verify}.
 */
public final class HostileInputBenchmark {

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            for (int statements : new int[] {5_000, 10_000, 20_000}) {
                StringBuilder sql = new StringBuilder();
                for (int i = 0; i < statements; i++) {
                    sql.append("INSERT INTO country (id, code, name) VALUES (").append(-1 - i).append(", 'C").append(i)
                            .append("', 'Country number ").append(i).append("');\n");
                }
                double seconds = profile(url, "CREATE TABLE country (id int PRIMARY KEY, code text NOT NULL, name text NOT NULL);\n",
                        sql.toString());
                System.out.printf(Locale.ROOT, "%,7d INSERT statements: %6.1f s (%.2f ms per statement)%n", statements, seconds,
                        seconds * 1e3 / statements);
            }
            for (int megabytes : new int[] {12, 25, 50}) {
                double seconds = profile(url, "CREATE TABLE blobs (id bigserial PRIMARY KEY, body text NOT NULL);\n",
                        "INSERT INTO blobs (body) VALUES ('" + "x".repeat(megabytes << 20) + "');\n");
                System.out.printf(Locale.ROOT, "one %2d MB literal: %6.1f s (%.2f s per MB)%n", megabytes, seconds, seconds / megabytes);
            }
        }
    }

    private static double profile(String url, String table, String migration) throws IOException {
        Path project = TempDirectories.make("hostile-bench");
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__table.sql"), table);
        Files.writeString(project.resolve("db/V2__data.sql"), migration);
        ProfilerConfig config = ProfilerConfig.builder(project).sqlDirectory(project.resolve("db"))
                .engine(EngineKind.EXTERNAL).jdbcUrl(url)
                .seed(SeedOptions.parse("small", 42, SeedOptions.DEFAULT_NULL_FRACTION, Map.of()))
                .outputDirectory(project.resolve("out")).reportsDirectory(project.resolve("out"))
                .build();
        long start = System.nanoTime();
        new ProfileRun(ProfilerLog.SILENT).run(config);
        return (System.nanoTime() - start) / 1e9;
    }

    private HostileInputBenchmark() {
    }
}
