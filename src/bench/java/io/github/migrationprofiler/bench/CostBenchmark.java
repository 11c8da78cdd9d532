package io.github.migrationprofiler.bench;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a pull request's check costs beside the migrations it measures, as a user runs it: the
 * embedded engine on its cached data directory, the goal's defaults (medium scale unless said,
 * traffic pass on). The runs are inside this JVM, so beside them the benchmark times a bare
 * {@code mvn -o validate} of a one-pom project: Maven's own start, which a user's build pays
 * whether the plugin runs or not. Cases: three small migrations, cold and warm; the same with a
 * syntax error; a generated 300-changeset Liquibase history, whole; the wishlist example reviewed
 * at its last changeset with the baseline cache, miss then hit; and, with
 * {@code -Dbench.fineract=<fineract-provider/src/main/resources of an Apache Fineract checkout>},
 * Fineract's last changeset reviewed on its whole history (small scale), miss then hit.
 * Run: {@code ./mvnw -Pbench verify}.
 */
public final class CostBenchmark {

    public static void main(String[] args) throws Exception {
        Path cache = TempDirectories.make("cost-bench-cache");
        System.out.printf(Locale.ROOT, "%-52s %6s%n", "bare mvn -o validate (Maven's own start)", bareMaven());
        Path three = project("""
                CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, total numeric(10,2) NOT NULL);
                """, "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';\n", "CREATE INDEX orders_customer ON orders (customer_id);\n");
        Path typo = project("CREATE TABLE a (id int PRIMARY KEY);\n", "ALTER TABLE a\n    ADD COLUM flag boolean NOT NULL DEFAULT false;\n");
        time("three migrations, cold", defaults(sql(three), cache, "medium"));
        time("three migrations, warm", defaults(sql(three), cache, "medium"));
        time("a syntax error (fails before seeding)", defaults(sql(typo), cache, "medium"));
        Path history = generatedHistory(60);
        time("300 Liquibase changesets, whole history, medium", defaults(ProfilerConfig.builder(history)
                .changelog(history.resolve("changelog.sql")), cache, "medium"));
        Path wishlist = Path.of("examples/wishlist").toAbsolutePath();
        ProfilerConfig.Builder review = ProfilerConfig.builder(wishlist)
                .changelog(Path.of("src/main/resources/db/changelog/db.changelog-master.yaml"))
                .searchPath(List.of(wishlist.resolve("src/main/resources"))).migrations(List.of("004-*")).reuseBaseline(true);
        time("wishlist, last changeset, baseline cache miss", defaults(review, cache, "medium"));
        time("wishlist, last changeset, baseline cache hit", defaults(review, cache, "medium"));
        String fineract = System.getProperty("bench.fineract");
        if (fineract != null && !fineract.isBlank()) {
            ProfilerConfig.Builder branch = fineract(Path.of(fineract).toAbsolutePath());
            time("Fineract, last changeset, baseline cache miss", defaults(branch, cache, "small"));
            time("Fineract, last changeset, baseline cache hit", defaults(branch, cache, "small"));
        }
    }

    private static ProfilerConfig.Builder sql(Path project) {
        return ProfilerConfig.builder(project).sqlDirectory(project.resolve("db"));
    }

    private static ProfilerConfig defaults(ProfilerConfig.Builder config, Path cache, String scale) {
        Path output = TempDirectories.make("cost-bench-out");
        return config.engine(EngineKind.EMBEDDED).cacheDirectory(cache).traffic(TrafficOptions.DEFAULTS)
                .seed(SeedOptions.parse(scale, 42, SeedOptions.DEFAULT_NULL_FRACTION, Map.of()))
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

    /**
     * A Liquibase formatted-SQL history as an application grows one: for each of {@code tables}
     * tables, five changesets (create it with a key to the one before, add a column, index a
     * column, add the foreign key, backfill the new column).
     */
    private static Path generatedHistory(int tables) throws IOException {
        Path project = TempDirectories.make("cost-bench-history");
        StringBuilder log = new StringBuilder("--liquibase formatted sql\n");
        for (int t = 1; t <= tables; t++) {
            String name = "t" + t;
            log.append("\n--changeset bench:").append(name).append("-create\nCREATE TABLE ").append(name)
                    .append(" (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name varchar(100) NOT NULL, amount numeric(12,2), ")
                    .append("created_at timestamptz NOT NULL DEFAULT now()").append(t > 1 ? ", parent_id bigint" : "").append(");\n");
            log.append("\n--changeset bench:").append(name).append("-status\nALTER TABLE ").append(name)
                    .append(" ADD COLUMN status varchar(20);\n");
            log.append("\n--changeset bench:").append(name).append("-index\nCREATE INDEX ").append(name).append("_name ON ")
                    .append(name).append(" (name);\n");
            log.append("\n--changeset bench:").append(name).append("-key\n").append(t > 1
                    ? "ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_parent FOREIGN KEY (parent_id) REFERENCES t" + (t - 1) + " (id);\n"
                    : "ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_name_key UNIQUE (name);\n");
            log.append("\n--changeset bench:").append(name).append("-backfill\nUPDATE ").append(name)
                    .append(" SET status = 'active' WHERE status IS NULL;\n");
        }
        Files.writeString(project.resolve("changelog.sql"), log);
        return project;
    }

    /** Fineract's tenant history, as its master changelog includes it, reviewing its last changeset. */
    private static ProfilerConfig.Builder fineract(Path resources) throws IOException {
        Path project = TempDirectories.make("cost-bench-fineract");
        Files.writeString(project.resolve("master.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.1.xsd">
                    <property name="current_date" value="CURRENT_DATE"/>
                    <property name="current_datetime" value="NOW()"/>
                    <property name="uuid" value="uuid_generate_v4()"/>
                    <include file="db/changelog/tenant/parts/0001_initial_schema.xml"/>
                    <include file="db/changelog/tenant/parts/0002_initial_data.xml"/>
                    <include file="db/changelog/tenant/changelog-tenant.xml"/>
                    <include file="db/changelog/tenant/module/loan/module-changelog-master.xml"/>
                    <include file="db/changelog/tenant/module/investor/module-changelog-master.xml"/>
                    <include file="db/changelog/tenant/final-changelog-tenant.xml"/>
                </databaseChangeLog>
                """);
        List<Path> parts;
        try (var files = Files.list(resources.resolve("db/changelog/tenant/parts"))) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        String last = parts.get(parts.size() - 1).getFileName().toString();
        return ProfilerConfig.builder(project).changelog(project.resolve("master.xml")).searchPath(List.of(project, resources))
                .contexts("postgresql").skipCustomChanges(List.of("*")).migrations(List.of("*" + last)).reuseBaseline(true);
    }

    /** The median of three bare {@code mvn -B -q -o validate} runs, or why there is none. */
    private static String bareMaven() throws IOException, InterruptedException {
        Path project = TempDirectories.make("cost-bench-bare");
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId><artifactId>bare</artifactId><version>1</version><packaging>pom</packaging>
                </project>
                """);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process mvn;
            try {
                mvn = new ProcessBuilder("mvn", "-B", "-q", "-o", "validate").directory(project.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return "n/a (no mvn on the PATH)";
            }
            if (!mvn.waitFor(2, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                return "n/a (mvn -o validate failed)";
            }
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f s", seconds.stream().sorted().toList().get(1));
    }

    private static void time(String what, ProfilerConfig config) {
        long start = System.nanoTime();
        String outcome;
        try {
            RunResult result = new ProfileRun(ProfilerLog.SILENT).run(config);
            outcome = (result.failures().isEmpty() ? "passed" : "failed, as it should") + ", " + result.migrations().size()
                    + " reviewed";
        } catch (ProfilerException e) {
            outcome = "stopped: " + e.getMessage();
        }
        System.out.printf(Locale.ROOT, "%-52s %6.1f s (%s)%n", what, (System.nanoTime() - start) / 1e9, outcome);
    }

    private CostBenchmark() {
    }
}
