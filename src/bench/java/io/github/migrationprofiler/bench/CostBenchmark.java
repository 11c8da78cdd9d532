package io.github.migrationprofiler.bench;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a pull request's check costs beside the migrations it measures, as a user runs it: the
 * embedded engine on its cached data directory, the goal's defaults (medium scale, traffic pass on). A run inside this JVM, so the
 * figures leave out Maven's own start (a bare {@code mvn validate}: about 1.4 s on the 2-core
 * machine). Cases: three small migrations, warm; the same with a syntax error; the wishlist
 * example reviewed at its last changeset with the baseline cache, first (miss) and second (hit).
 * Run: {@code ./mvnw -Pbench verify}.
 */
public final class CostBenchmark {

    public static void main(String[] args) throws Exception {
        Path cache = TempDirectories.make("cost-bench-cache");
        Path three = project("""
                CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, total numeric(10,2) NOT NULL);
                """, "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';\n", "CREATE INDEX orders_customer ON orders (customer_id);\n");
        Path typo = project("CREATE TABLE a (id int PRIMARY KEY);\n", "ALTER TABLE a\n    ADD COLUM flag boolean NOT NULL DEFAULT false;\n");
        time("three migrations, cold", sql(three, cache));
        time("three migrations, warm", sql(three, cache));
        time("a syntax error (fails before seeding)", sql(typo, cache));
        Path wishlist = Path.of("examples/wishlist").toAbsolutePath();
        ProfilerConfig.Builder review = ProfilerConfig.builder(wishlist)
                .changelog(Path.of("src/main/resources/db/changelog/db.changelog-master.yaml"))
                .searchPath(List.of(wishlist.resolve("src/main/resources"))).migrations(List.of("004-*")).reuseBaseline(true);
        time("wishlist, last changeset, baseline cache miss", defaults(review, cache));
        time("wishlist, last changeset, baseline cache hit", defaults(review, cache));
    }

    private static ProfilerConfig sql(Path project, Path cache) {
        return defaults(ProfilerConfig.builder(project).sqlDirectory(project.resolve("db")), cache);
    }

    private static ProfilerConfig defaults(ProfilerConfig.Builder config, Path cache) {
        Path output;
        try {
            output = TempDirectories.make("cost-bench-out");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return config.engine(EngineKind.EMBEDDED).cacheDirectory(cache).traffic(TrafficOptions.DEFAULTS)
                .seed(SeedOptions.parse("medium", 42, SeedOptions.DEFAULT_NULL_FRACTION, Map.of()))
                .outputDirectory(output).reportsDirectory(output).build();
    }

    private static Path project(String... migrations) throws IOException {
        Path project = TempDirectories.make("cost-bench");
        Files.createDirectories(project.resolve("db"));
        for (int i = 0; i < migrations.length; i++) {
            Files.writeString(project.resolve("db/V" + (i + 1) + "__m.sql"), migrations[i]);
        }
        return project;
    }

    private static void time(String what, ProfilerConfig config) {
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = new ProfileRun(ProfilerLog.SILENT).run(config).failures().isEmpty() ? "passed" : "failed, as it should";
        } catch (ProfilerException e) {
            outcome = "stopped: " + e.getMessage();
        }
        System.out.printf(Locale.ROOT, "%-48s %6.1f s (%s)%n", what, (System.nanoTime() - start) / 1e9, outcome);
    }

    private CostBenchmark() {
    }
}
