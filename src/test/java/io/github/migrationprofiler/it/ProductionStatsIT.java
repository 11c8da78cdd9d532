package io.github.migrationprofiler.it;

import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.run.StatsRun;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Production's statistics, read from a server holding known data as a user who may only read it:
 * counts and shapes arrive, values do not.
 */
class ProductionStatsIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    /** 50,000 customers, 30 % without a note, in 40 countries; 400,000 visits; a table the reader may not see. */
    @BeforeAll
    static void production() throws Exception {
        try (Connection admin = server.admin("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS shop");
            s.execute("CREATE DATABASE shop");
        }
        try (Connection shop = server.admin("shop"); Statement s = shop.createStatement()) {
            s.execute("""
                    CREATE TABLE customers (id bigint PRIMARY KEY, country text NOT NULL, note text, joined timestamptz NOT NULL);
                    INSERT INTO customers SELECT g, 'Land-' || (g % 40), CASE WHEN g % 10 < 3 THEN NULL ELSE 'secret note ' || g END,
                           timestamptz '2020-01-01' + g * interval '1 minute' FROM generate_series(1, 50000) g;
                    CREATE TABLE visits (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, page text NOT NULL);
                    INSERT INTO visits SELECT g, 1 + g % 50000, '/page/' || (g % 700) FROM generate_series(1, 400000) g;
                    CREATE INDEX visits_customer ON visits (customer_id);
                    CREATE TABLE secrets (id int PRIMARY KEY, token text);
                    INSERT INTO secrets SELECT g, md5(g::text) FROM generate_series(1, 100) g;
                    ANALYZE;
                    GRANT SELECT ON customers, visits TO readonly;
                    """);
        }
    }

    private ProductionStats read(Set<String> valueColumns) {
        return new StatsRun(ProfilerLog.SILENT).run(server.jdbcUrl().replace("/postgres", "/shop"), TestPostgres.NO_CREATEDB, Set.of(),
                valueColumns, project.resolve("production-stats.json"));
    }

    private void grantSecrets(boolean grant) throws Exception {
        try (Connection shop = server.admin("shop"); Statement s = shop.createStatement()) {
            s.execute((grant ? "GRANT SELECT ON secrets TO " : "REVOKE SELECT ON secrets FROM ") + "readonly");
        }
    }

    @Test
    void countsSizesAndShapesArriveAndNoValueDoes() throws Exception {
        grantSecrets(true);
        try {
            ProductionStats stats = read(Set.of());

            assertThat(stats.serverVersion()).isNotBlank();
            assertThat(stats.settings()).containsKeys("maintenance_work_mem", "max_parallel_maintenance_workers", "work_mem",
                    "shared_buffers", "max_wal_size", "checkpoint_timeout", "wal_level", "random_page_cost");
            ProductionStats.TableStats customers = stats.table("public.customers").orElseThrow();
            ProductionStats.TableStats visits = stats.table("public.visits").orElseThrow();
            assertThat(customers.rows()).isEqualTo(50_000);
            assertThat(visits.rows()).isEqualTo(400_000);
            assertThat(visits.tableBytes()).isPositive();
            assertThat(visits.indexes()).extracting(ProductionStats.IndexStats::name).containsExactlyInAnyOrder("visits_pkey", "visits_customer");
            assertThat(customers.column("note").orElseThrow().nullFraction()).isCloseTo(0.3, within(0.02));
            ProductionStats.ColumnStats country = customers.column("country").orElseThrow();
            assertThat(country.distinct()).isEqualTo(40);
            assertThat(country.commonFrequencies()).hasSize(40).allSatisfy(f -> assertThat(f).isCloseTo(0.025, within(0.01)));
            assertThat(country.commonValues()).isEmpty();
            assertThat(customers.column("joined").orElseThrow().correlation()).isCloseTo(1.0, within(0.01));
            assertThat(customers.column("id").orElseThrow().distinct()).isEqualTo(-1);

            String file = Files.readString(project.resolve("production-stats.json"));
            assertThat(file).doesNotContain("Land-", "secret note", "/page/", "2020-01-01").doesNotContain("readonly-secret-pw");
            assertThat(file).as("pg_stats' reals as written, not widened to 0.0249999994").doesNotContainPattern("[ \\[]-?\\d\\.\\d{8,}[, \\]\\n]");
        } finally {
            grantSecrets(false);
        }
    }

    @Test
    void valuesOfListedColumnsOnlyWhenAsked() throws Exception {
        grantSecrets(true);
        try {
            ProductionStats stats = read(Set.of("customers.country"));

            assertThat(stats.table("public.customers").orElseThrow().column("country").orElseThrow().commonValues())
                    .hasSize(40).contains("Land-0", "Land-39");
            assertThat(stats.table("public.customers").orElseThrow().column("note").orElseThrow().histogramBounds()).isEmpty();
        } finally {
            grantSecrets(false);
        }
    }

    @Test
    void seedingFollowsProductionsProportionsAndShapesAndTheServerItsSettings() throws Exception {
        grantSecrets(true);
        try (Connection admin = server.admin("postgres"); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE shop SET maintenance_work_mem = '200MB'");
        }
        try {
            read(Set.of());
        } finally {
            grantSecrets(false);
        }
        Files2.write(project.resolve("db/V1__schema.sql"), """
                CREATE TABLE customers (id bigint PRIMARY KEY, country text NOT NULL, note text, joined timestamptz NOT NULL);
                CREATE TABLE visits (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, page text NOT NULL);
                """);
        Files2.write(project.resolve("db/V2__index.sql"), "CREATE INDEX visits_page ON visits (page);\n");
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db")).migrations(List.of("V2__*"))
                .seed(SeedOptions.parse("40000", 5, SeedOptions.DEFAULT_NULL_FRACTION, Map.of()))
                .productionStats(project.resolve("production-stats.json"));

        RunResult result = Profiles.profile(config.keepDatabase(true).build());
        assertThat(result.engine().settings()).as("an existing server takes production's per-session settings")
                .containsEntry("maintenance_work_mem", "200MB");
        try (Connection db = server.admin(result.database())) {
            assertThat(result.seed().tables()).extracting(SeedSummary.TableSeed::table, SeedSummary.TableSeed::rows,
                    SeedSummary.TableSeed::productionRows).containsExactly(tuple("public.customers", 5_000L, 50_000L),
                    tuple("public.visits", 40_000L, 400_000L)); // 1:8, as in production; the scale sets the largest
            double nulls = TestPostgres.count(db, "SELECT count(*) FILTER (WHERE note IS NULL) * 1000 / count(*) FROM customers") / 1000.0;
            assertThat(nulls).isCloseTo(0.3, within(0.05));
            assertThat(TestPostgres.count(db, "SELECT count(DISTINCT country) FROM customers")).isBetween(32L, 48L);
            assertThat(TestPostgres.count(db, "SELECT round(avg(length(note))) FROM customers")).as("production's notes are 16 "
                    + "characters long on average").isBetween(12L, 20L);
            assertThat(TestPostgres.count(db, "SELECT count(DISTINCT note) * 100 / count(note) FROM customers"))
                    .as("and all different, still").isGreaterThanOrEqualTo(95);
            assertThat(TestPostgres.count(db, "SELECT round(correlation * 100) FROM pg_stats WHERE tablename = 'customers' "
                    + "AND attname = 'joined'")).as("production stores customers in the order they joined").isGreaterThanOrEqualTo(90);
            long pages = TestPostgres.count(db, "SELECT count(DISTINCT page) FROM visits");
            assertThat(pages).as("700 pages among 400,000 visits in production").isBetween(560L, 840L);
        } finally {
            server.dropKept(List.of(result.database()));
        }

        RunResult embedded = Profiles.profile(config.engine(EngineKind.EMBEDDED)
                .jdbcUrl(null).keepDatabase(false).seed(SeedOptions.parse("2000", 5, 0.1, Map.of())).build());
        assertThat(embedded.engine().settings()).containsEntry("maintenance_work_mem", "200MB");
        try (Connection admin = server.admin("postgres"); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE shop RESET maintenance_work_mem");
        }
    }

    @Test
    void aTableTheUserMayNotReadIsNamedWithTheGrant() {
        assertThatThrownBy(() -> read(Set.of())).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("pg_stats shows no statistics for 1 table(s) this user may not read: public.secrets")
                .hasMessageContaining("GRANT SELECT ON public.secrets TO readonly");
        assertThat(project.resolve("production-stats.json")).doesNotExist();
    }
}
