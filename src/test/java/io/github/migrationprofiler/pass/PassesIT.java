package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.it.TestPostgres;
import io.github.migrationprofiler.pass.traffic.Workload;
import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.source.SqlDirectorySource;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each pass on its own, on a real server: what the instrumented pass hands the run for each
 * migration, and what the passes that run a reviewed migration again on the state before it
 * (follower, clean timing, projection sizes, traffic) make of it. The run that composes them is
 * ProfileRun's to test; here only one pass is asked at a time.
 */
class PassesIT {

    static final TestPostgres server = TestPostgres.shared();
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path project;

    private PostgresServer postgres;
    private final List<ScratchDatabase> created = new ArrayList<>();
    private SqlDirectorySource source;

    @BeforeEach
    void twoMigrations() throws IOException {
        postgres = Engines.existing(server.jdbcUrl(), TestPostgres.PROFILER);
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__orders.sql"), """
                CREATE TABLE customers (id bigint PRIMARY KEY);
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, note text);
                INSERT INTO customers VALUES (0);
                INSERT INTO orders VALUES (0, 0, 'first');
                ANALYZE customers, orders;
                """);
        Files.writeString(project.resolve("db/V2__index_and_key.sql"), """
                CREATE INDEX orders_note ON orders (note);
                ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;
                """);
        source = new SqlDirectorySource(project.resolve("db"), project, StandardCharsets.UTF_8);
    }

    @AfterEach
    void dropWhatTheTestCreated() throws SQLException {
        created.forEach(ScratchDatabase::close);
        server.assertLeftNothingBehind();
    }

    private Databases databases() {
        return template -> {
            ScratchDatabase database = ScratchDatabase.create(postgres, ProfilerLog.SILENT, template);
            created.add(database);
            return new Databases.Database() {
                @Override public String name() { return database.name(); }
                @Override public Connection connect() throws SQLException { return database.connect(); }
                @Override public void close() { database.close(); }
            };
        };
    }

    /** What the run is told: the migrations as observed, and after which one rows were due. */
    private static final class Recorded implements InstrumentedPass.Stages {
        final List<Observed> observed = new ArrayList<>();
        final List<String> seededAfter = new ArrayList<>();

        @Override public void seed(Migration applied) {
            seededAfter.add(applied == null ? "nothing" : applied.id());
        }

        @Override public void applied(Observed observed) {
            this.observed.add(observed);
        }
    }

    private Recorded instrumented(ForeignKeyGaps foreignKeys, Databases.Database database) throws SQLException {
        Recorded stages = new Recorded();
        try (Connection connection = database.connect()) {
            List<String> baseline = new InstrumentedPass(source, Selection.of(List.of("V2__*")), foreignKeys, () -> false)
                    .run(connection, database.connect(), Set.of(), stages);
            assertThat(baseline).containsExactly("V1__orders.sql");
        }
        return stages;
    }

    @Test
    void theInstrumentedPassHandsOnEachMigrationWithWhatItsStatementsDid() throws SQLException {
        Recorded stages = instrumented(new ForeignKeyGaps(), databases().create(null));

        assertThat(stages.seededAfter).as("once the baseline stands, and after the reviewed migration").containsExactly(
                "V1__orders.sql", "V2__index_and_key.sql");
        Observed v1 = stages.observed.get(0);
        Observed v2 = stages.observed.get(1);
        assertThat(v1.baseline()).isTrue();
        assertThat(v1.reviewed()).isFalse();
        assertThat(v2.reviewed()).isTrue();
        assertThat(v2.status()).isEqualTo(Status.PASSED);
        assertThat(v2.statements()).hasSize(2);
        assertThat(v2.statements().get(0).locks()).anyMatch(l -> l.relation().equals("public.orders") && l.mode().equals("SHARE"));
        assertThat(v2.lockedTables()).as("tables that existed before it").contains("public.orders", "public.customers");
        assertThat(v2.recording().executions()).hasSize(2);
        assertThat(v2.searchPath()).contains("public");
        assertThat(v2.foreignKeyGaps()).extracting(ForeignKeyGap::constraint).containsExactly("orders_customer");
        assertThat(v2.warnings()).isEmpty();
    }

    @Test
    void aForeignKeyReadThatFailsIsAWarningNotAnEmptyList() throws SQLException {
        ForeignKeyGaps failing = new ForeignKeyGaps() {
            @Override
            public Map<String, ForeignKeyGap> read(Connection connection) throws SQLException {
                throw new SQLException("permission denied for table pg_constraint");
            }
        };

        Observed v2 = instrumented(failing, databases().create(null)).observed.get(1);

        assertThat(v2.foreignKeyGaps()).isEmpty();
        assertThat(v2.warnings()).singleElement().asString().startsWith("foreign-key-without-index was not checked")
                .contains("permission denied for table pg_constraint");
    }

    @Test
    void theCleanTimingPassRunsTheMigrationOnTheStateBeforeItAndMovesTheFollowerOn() throws SQLException {
        Databases databases = databases();
        List<Observed> observed = instrumented(new ForeignKeyGaps(), databases.create(null)).observed;
        try (Follower follower = new Follower(databases, () -> null, TIMEOUT, ProfilerLog.SILENT)) {
            follower.follow(observed.get(0));
            CleanTimingPass timing = new CleanTimingPass(2, true, ProfilerLog.SILENT);

            CleanTimingPass.Clean clean = timing.time(follower, observed.get(1));

            assertThat(follower.stopped()).isNull();
            assertThat(clean.statements()).hasSize(2);
            assertThat(clean.iterations().count()).as("one run on a copy, the last on the follower").isEqualTo(2);
            assertThat(clean.before().stat("public.orders")).isNotNull();
            assertThat(timing.settings()).containsKeys("fsync", "synchronous_commit", "full_page_writes");
            assertThat(TestPostgres.count(follower.connection(), "SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_note'"))
                    .as("the follower has moved on past the migration").isEqualTo(1);
        }
    }

    @Test
    void aReplayThatFailsStopsTheFollowerAndSaysWhy() throws SQLException {
        Databases databases = databases();
        List<Observed> observed = instrumented(new ForeignKeyGaps(), databases.create(null)).observed;
        try (Follower follower = new Follower(databases, () -> null, TIMEOUT, ProfilerLog.SILENT)) {
            CleanTimingPass.Clean clean = new CleanTimingPass(1, false, ProfilerLog.SILENT).time(follower, observed.get(1));

            assertThat(clean).as("V1 was never followed: orders does not exist there").isNull();
            assertThat(follower.stopped()).startsWith("replaying V2__index_and_key.sql failed: ERROR: relation \"orders\" does not exist");
            assertThat(follower.probes()).isNull();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void theProjectionSizesTimeTheMigrationAtEachFractionOfTheRowsSeededSideBySideOrNot(int parallelism) throws SQLException {
        Databases databases = databases();
        List<Observed> observed = instrumented(new ForeignKeyGaps(), databases.create(null)).observed;
        try (ProjectionSizes sizes = new ProjectionSizes(databases, List.of(0.25, 0.5), (fraction, connector) -> rows(connector,
                (long) (4_000 * fraction)), TIMEOUT, parallelism, ProfilerLog.SILENT)) {
            sizes.follow(observed.get(0));
            sizes.seed(observed.get(0).migration());

            List<ScaledFollower.Timed> timed = sizes.time(observed.get(1));

            assertThat(sizes.fractions()).containsExactly(0.25, 0.5);
            assertThat(timed).extracting(ScaledFollower.Timed::fraction).containsExactly(0.25, 0.5);
            assertThat(timed).extracting(t -> t.before().stat("public.orders").rows()).containsExactly(1_001L, 2_001L); // and V1's own row
            assertThat(sizes.millis()).isPositive();
        }
    }

    @Test
    void theTrafficPassRunsTheMigrationOnACopyAgainstQueriesOnTheTablesItLocks() throws SQLException {
        Databases databases = databases();
        List<Observed> observed = instrumented(new ForeignKeyGaps(), databases.create(null)).observed;
        try (Follower follower = new Follower(databases, () -> null, TIMEOUT, ProfilerLog.SILENT)) {
            follower.follow(observed.get(0));
            try (Statement s = follower.connection().createStatement()) {
                s.execute("INSERT INTO customers SELECT g FROM generate_series(1, 100) g");
                s.execute("INSERT INTO orders SELECT g, 1 + g % 100, 'n' || g FROM generate_series(1, 20000) g");
                s.execute("ANALYZE");
            }
            TrafficPass traffic = new TrafficPass(new Workload(new TrafficOptions(true, 2, 20, Duration.ZERO), ProfilerLog.SILENT),
                    null, Duration.ZERO, ProfilerLog.SILENT);

            Traffic measured = traffic.run(follower, observed.get(1)).traffic();

            assertThat(measured.tables()).contains("public.orders");
            assertThat(measured.queries()).isPositive();
            assertThat(traffic.cost()).startsWith("1 migration(s), ");
            assertThat(TestPostgres.count(follower.connection(), "SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_note'"))
                    .as("the follower stays as it was: the pass ran on a copy").isZero();
        }
    }

    @Test
    void theRehearsalAppliesEverythingOnAThrowAwayDatabaseForTheFinalSchema() {
        try (ScratchDatabase empty = ScratchDatabase.create(postgres, ProfilerLog.SILENT)) {
            FinalSchema schema = new Rehearsal(ProfilerLog.SILENT).rehearse(empty, source,
                    SeedOptions.parse("1000", 7, 0.1, Map.of()), TIMEOUT);

            assertThat(schema.plannedRows()).containsKeys("public.orders", "public.customers");
        }
    }

    /** A seeder for the sizes: {@code rows} orders once the tables exist. */
    private static Seeder rows(DataSeeder.Connector connector, long rows) {
        return applied -> {
            try (Connection c = connector.open(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO orders SELECT g, g, 'n' || g FROM generate_series(1, " + rows + ") g");
                s.execute("ANALYZE orders");
                return List.of("public.orders");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
