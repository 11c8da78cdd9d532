package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

/** A seeded baseline kept as a template database and copied by later runs. */
@Timeout(180) // a copy that waited on a stale Liquibase lock would hang rather than fail
class BaselineReuseIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void dropTemplates() throws SQLException {
        try (Connection admin = server.admin("postgres"); Statement s = admin.createStatement()) {
            for (String template : templates()) {
                s.execute("DROP DATABASE " + template);
            }
        }
        assertThat(server.scratchDatabases()).isEmpty();
    }

    private static List<String> templates() throws SQLException {
        return server.strings("SELECT datname FROM pg_database WHERE datname LIKE 'test_migration_tpl_%'");
    }

    private RunResult run(ProfilerConfig.Builder config, List<String> log) {
        return runAsConfigured(config.reuseBaseline(true), log);
    }

    private RunResult runAsConfigured(ProfilerConfig.Builder config, List<String> log) {
        return Profiles.profile(config.seed(SeedOptions.parse("5000", 7, 0.1, Map.of())).build(), new CollectingLog(log));
    }

    @Test
    void sqlBaselineIsBuiltOnceAndCopiedAfterwards() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);\n");
        write(project.resolve("db/V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts);\n");
        write(project.resolve("db/V3__backfill.sql"), "UPDATE accounts SET balance = balance + 1 WHERE balance < 5000;\n");
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V3__*"));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        RunResult built = run(config, first);
        RunResult copied = run(config, second);

        assertThat(templates()).singleElement().satisfies(t -> assertThat(t).matches("test_migration_tpl_[0-9a-f]{16}"));
        String template = templates().get(0);
        assertThat(first).anyMatch(l -> l.startsWith("Baseline: cache miss, building template database " + template));
        assertThat(second).anyMatch(l -> l.startsWith("Baseline: cache hit, copying template database " + template + " (building it took "));
        assertThat(second).noneMatch(l -> l.startsWith("Seeded "));
        assertThat(built.seed().tables()).isEmpty(); // seeded into the template, not the copy
        assertThat(copied.seed().template()).isEqualTo(template);
        assertThat(built.seed().cache().hit()).isFalse();
        assertThat(copied.seed().cache().hit()).isTrue();
        assertThat(copied.seed().cache().buildMillis()).isEqualTo(built.seed().cache().buildMillis()).isPositive();
        assertThat(copied.baseline()).containsExactly("V1__schema.sql", "V2__orders.sql");
        // the same data either way: the reviewed migration changes the same rows
        MigrationResult backfill = copied.migrations().get(0);
        assertThat(backfill.id()).isEqualTo("V3__backfill.sql");
        assertThat(backfill.rowsAffected()).isPositive().isEqualTo(built.migrations().get(0).rowsAffected());
    }

    @Test
    void aForeignKeyDroppedBeforeTheBaselineStillPointsItsRowsAtTheParent() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), """
                CREATE TABLE runs (uuid uuid PRIMARY KEY, name text NOT NULL);
                CREATE TABLE facets (id bigint PRIMARY KEY, run_uuid uuid REFERENCES runs (uuid), seen boolean);
                """);
        write(project.resolve("db/V2__drop_key.sql"), "ALTER TABLE facets DROP CONSTRAINT facets_run_uuid_fkey;\n");
        // no join the seeder could read: as in a Java migration, only the rows tell
        write(project.resolve("db/V3__backfill.sql"), "UPDATE facets SET seen = true WHERE run_uuid IN (SELECT uuid FROM runs);\n");

        RunResult run = run(server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V3__*")), new ArrayList<>());

        assertThat(run.migrations()).singleElement().satisfies(backfill -> assertThat(backfill.rowsAffected())
                .as("the rows production wrote while the key stood point at runs").isPositive());
    }

    @Test
    void aChangedBaselineGetsANewTemplate() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        write(project.resolve("db/V2__index.sql"), "CREATE INDEX CONCURRENTLY idx ON accounts (id);\n");
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V2__*"));
        run(config, new ArrayList<>());

        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, note text);\n");
        run(config, new ArrayList<>());

        assertThat(templates()).hasSize(2);
    }

    @Test
    void liquibaseBaselineIsCopiedWithItsChangelogTables() throws SQLException {
        Path wishlist = Path.of("examples/wishlist").toAbsolutePath();
        ProfilerConfig.Builder config = server.config(wishlist).outputDirectory(project)
                .changelog(Path.of("src/main/resources/db/changelog/db.changelog-master.yaml"))
                .searchPath(List.of(wishlist.resolve("src/main/resources")))
                .migrations(List.of("004-*"));
        List<String> second = new ArrayList<>();

        RunResult built = run(config, new ArrayList<>());
        RunResult copied = run(config, second);

        assertThat(second).anyMatch(l -> l.startsWith("Baseline: cache hit, copying template database"));
        assertThat(copied.baseline()).hasSize(6);
        assertThat(copied.migrations()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("004-quantity-bigint");
            assertThat(m.statements().get(0).tableStats().get(0).rows()).isEqualTo(5_000);
            assertThat(m.statements().get(0).rewrites()).contains("public.wishlist_items");
        });
        assertThat(copied.migrations().get(0).kind()).isEqualTo(built.migrations().get(0).kind());
    }

    @Test
    void elsewhereItSaysWhyItDoesNothing() throws SQLException {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        List<String> log = new ArrayList<>();

        run(server.config(project).sqlDirectory(project.resolve("db")).engine(EngineKind.EMBEDDED), log);

        assertThat(log).anyMatch(l -> l.startsWith("reuseBaseline is ignored: it needs a server that keeps the template"));
        assertThat(templates()).isEmpty();
    }

    @Test
    void theEmbeddedEngineKeepsTheTemplateInItsCachedDataDirectory() {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);\n");
        write(project.resolve("db/V2__backfill.sql"), "UPDATE accounts SET balance = balance + 1;\n");
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V2__*"))
                .engine(EngineKind.EMBEDDED).cacheDirectory(project.resolve("cache"));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        RunResult built = run(config, first);
        RunResult copied = run(config, second);

        assertThat(first).anyMatch(l -> l.startsWith("Baseline: cache miss, building template database test_migration_tpl_"));
        assertThat(second).anyMatch(l -> l.startsWith("Baseline: cache hit, copying template database test_migration_tpl_"));
        assertThat(copied.migrations().get(0).rowsAffected()).isPositive().isEqualTo(built.migrations().get(0).rowsAffected());
    }

    @Test
    void unsetItIsOnInTheEmbeddedCacheAndOffOnAnExistingServerOrWhereRuntimesAreProjected() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);\n");
        write(project.resolve("db/V2__backfill.sql"), "UPDATE accounts SET balance = balance + 1;\n");
        ProfilerConfig.Builder external = server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V2__*"));
        ProfilerConfig.Builder embedded = server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V2__*"))
                .engine(EngineKind.EMBEDDED).cacheDirectory(project.resolve("cache"));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<String> projected = new ArrayList<>();
        List<String> onTheirServer = new ArrayList<>();

        runAsConfigured(embedded, first);
        runAsConfigured(embedded, second);
        RunResult projecting = runAsConfigured(embedded.productionRows(Map.of("accounts", 1_000_000L)), projected);
        runAsConfigured(external, onTheirServer);

        assertThat(first).anyMatch(l -> l.startsWith("Baseline: cache miss, building template database test_migration_tpl_"));
        assertThat(second).anyMatch(l -> l.startsWith("Baseline: cache hit, copying template database test_migration_tpl_"));
        assertThat(projected).noneMatch(l -> l.startsWith("Baseline:"));
        assertThat(projecting.timing().sizes()).as("projected from every size").isNotEmpty();
        assertThat(onTheirServer).noneMatch(l -> l.startsWith("Baseline:") || l.startsWith("reuseBaseline is ignored"));
        assertThat(templates()).as("no database of theirs kept unasked").isEmpty();
    }
}
