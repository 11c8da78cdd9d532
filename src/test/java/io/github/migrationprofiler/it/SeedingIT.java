package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.run.SeedRun;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.migrationprofiler.it.Files2.write;
import static io.github.migrationprofiler.it.TestPostgres.count;
import static io.github.migrationprofiler.it.TestPostgres.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seeding checked in SQL: counts, referential integrity, uniqueness, constraints, determinism. */
class SeedingIT {

    static final TestPostgres server = TestPostgres.shared();
    static final Path WISHLIST = Path.of("examples/wishlist").toAbsolutePath();

    @TempDir
    Path project;

    private final List<String> kept = new ArrayList<>();

    @AfterEach
    void dropKeptDatabases() throws SQLException {
        server.dropKept(kept);
    }

    private RunResult keep(RunResult result) {
        kept.add(result.database());
        return result;
    }

    private static SeedOptions scale(String scale, long random) {
        return SeedOptions.parse(scale, random, SeedOptions.DEFAULT_NULL_FRACTION, Map.of());
    }

    @Test
    void theWishlistExampleGetsTheBriefsShapeAndEveryMigrationMeetsIt() throws SQLException {
        ProfilerConfig config = server.config(WISHLIST).outputDirectory(project)
                .changelog(Path.of("src/main/resources/db/changelog/db.changelog-master.yaml"))
                .searchPath(List.of(WISHLIST.resolve("src/main/resources")))
                .seed(scale("small", 7)).keepDatabase(true).build();

        RunResult result = keep(Profiles.profile(config));

        assertThat(result.seed().tables()).extracting(SeedSummary.TableSeed::table, SeedSummary.TableSeed::rows).containsExactly(
                org.assertj.core.groups.Tuple.tuple("public.users", 1_666L),
                org.assertj.core.groups.Tuple.tuple("public.sets", 2_500L),
                org.assertj.core.groups.Tuple.tuple("public.wishlist_items", 10_000L));
        assertThat(result.failures()).isEmpty();
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.warnings()).isEmpty());
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM wishlist_items")).isEqualTo(10_000);
            assertThat(orphans(db)).isZero();
            assertThat(count(db, "SELECT count(DISTINCT email) FROM users")).isEqualTo(1_666);
            // later migrations met the data: the volatile default filled every row, the type change kept them
            assertThat(count(db, "SELECT count(DISTINCT public_id) FROM wishlist_items")).isEqualTo(10_000);
            assertThat(string(db, "SELECT data_type FROM information_schema.columns WHERE table_name = 'wishlist_items' AND column_name = 'quantity'"))
                    .isEqualTo("bigint");
            // skew: a few users own many items
            assertThat(count(db, "SELECT max(n) FROM (SELECT count(*) n FROM wishlist_items GROUP BY user_id) c")).isGreaterThan(500);
            // nullable columns get some NULLs, not all
            assertThat(count(db, "SELECT count(*) FROM wishlist_items WHERE url IS NULL")).isBetween(500L, 1_500L);
            // identity sequences were moved past the generated keys
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO users (email, display_name) VALUES ('new@example.com', 'New')");
            }
            assertThat(count(db, "SELECT max(id) FROM users")).isEqualTo(1_667);
        }
    }

    @Test
    void anAwkwardSchemaIsSeededWithEveryConstraintKept() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), AWKWARD_SCHEMA);

        RunResult result = keep(Profiles.profile(server.config(project)
                .sqlDirectory(project.resolve("db")).seed(scale("2000", 3)).keepDatabase(true).build()));

        Map<String, Long> rows = result.seed().tables().stream()
                .collect(Collectors.toMap(SeedSummary.TableSeed::table, SeedSummary.TableSeed::rows));
        assertThat(rows).doesNotContainKey("public.countries"); // it held reference data
        assertThat(rows).containsEntry("public.addresses", 2_000L).containsEntry("public.events", 2_000L)
                .containsEntry("public.memberships", 2_000L).containsEntry("public.notes", 2_000L)
                .containsEntry("public.tenants", 333L);
        try (Connection db = server.admin(result.database())) {
            for (Map.Entry<String, Long> table : rows.entrySet()) {
                assertThat(count(db, "SELECT count(*) FROM " + table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
            }
            assertThat(orphans(db)).isZero();
            assertThat(count(db, "SELECT count(*) FROM addresses WHERE country NOT IN ('PT', 'NO', 'JP')")).isZero();
            // the cycle was broken through the nullable key, the self-reference filled
            assertThat(count(db, "SELECT count(head_id) FROM departments")).isZero();
            assertThat(count(db, "SELECT count(manager_id) FROM employees")).isPositive();
            assertThat(count(db, "SELECT count(parent_id) FROM notes")).isPositive();
            // both partitions got rows; generated column computed by the server
            assertThat(count(db, "SELECT count(*) FROM events_2023")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM events_2024")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM employees WHERE full_name <> name || '!'")).isZero();
            // enums, domains, checks and arrays hold
            assertThat(count(db, "SELECT count(DISTINCT mood) FROM accounts")).isEqualTo(3);
            assertThat(count(db, "SELECT count(*) FROM accounts WHERE rating NOT BETWEEN 1 AND 5 OR score <= 0")).isZero();
            assertThat(count(db, "SELECT count(*) FROM accounts WHERE array_length(tags, 1) > 0")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM accounts WHERE prefs ? 'tag'")).isPositive();
            // sequences continue after the written keys, GENERATED ALWAYS included
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO departments (name) VALUES ('new')");
                s.execute("INSERT INTO notes (tenant_id, account_id) SELECT tenant_id, id FROM accounts LIMIT 1");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), AWKWARD_SCHEMA);
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db")).keepDatabase(true);

        String first = fingerprint(keep(Profiles.profile(config.seed(scale("500", 11)).build())));
        String again = fingerprint(keep(Profiles.profile(config.seed(scale("500", 11)).build())));
        String other = fingerprint(keep(Profiles.profile(config.seed(scale("500", 12)).build())));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aColumnComparedWithAnotherFollowsIt() throws SQLException {
        write(project.resolve("db/V1__booking.sql"), """
                CREATE TABLE bookings (id int PRIMARY KEY, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
                    CONSTRAINT bookings_end_after_start CHECK (ends_at > starts_at));
                """);

        RunResult result = keep(Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(scale("1000", 1)).keepDatabase(true).build()));

        assertThat(result.seed().gaps()).isEmpty();
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM bookings")).isEqualTo(1_000);
            assertThat(count(db, "SELECT count(DISTINCT ends_at - starts_at) FROM bookings")).isGreaterThan(5); // spans, not a constant
        }
    }

    @Test
    void textThatALaterMigrationCastsIsSeededInTheFormTheCastReads() {
        write(project.resolve("db/V1__events.sql"), """
                CREATE TABLE events (id bigint PRIMARY KEY, run_id text NOT NULL, attempt varchar(20), day text, flag text);
                CREATE TABLE shifts (id bigint PRIMARY KEY, run_id text NOT NULL CHECK (run_id ~ '^shift-[0-9]+$'));
                """);
        write(project.resolve("db/V2__typed.sql"), """
                ALTER TABLE events ADD COLUMN run_uuid uuid, ADD COLUMN tries int;
                UPDATE events SET run_uuid = run_id::uuid, tries = CAST(attempt AS integer);
                ALTER TABLE events ALTER COLUMN day TYPE date USING day::date, ALTER COLUMN flag TYPE boolean USING flag::boolean;
                """);

        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .migrations(List.of("V2__*")).seed(scale("1000", 1)).build());

        MigrationResult typed = result.migrations().get(0);
        assertThat(typed.status()).as(String.valueOf(typed.error())).isEqualTo(Status.PASSED);
        assertThat(typed.statements().get(1).rowsAffected()).as("the backfill met the seeded rows").isEqualTo(1_000);
        assertThat(result.seed().gaps()).as("a CHECK on another table's run_id says what its values are: the cast does not")
                .isEmpty();
    }

    @Test
    void aYamlNotNullWithADefaultForNullsRunsOnSeededRows() {
        // Metabase's shape: a nullable column, then addNotNullConstraint with defaultNullValue (an UPDATE, then SET NOT NULL)
        write(project.resolve("changelog.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: dev
                      changes:
                        - createTable:
                            tableName: report_dashboard
                            columns:
                              - column: {name: id, type: bigint, constraints: {primaryKey: true}}
                  - changeSet:
                      id: 2
                      author: dev
                      changes:
                        - addColumn:
                            tableName: report_dashboard
                            columns:
                              - column: {name: visualization_settings, type: text}
                        - addNotNullConstraint:
                            tableName: report_dashboard
                            columnName: visualization_settings
                            defaultNullValue: '{}'
                """);

        RunResult result = Profiles.profile(server.config(project).changelog(project.resolve("changelog.yaml"))
                .searchPath(List.of(project)).migrations(List.of("dev:2")).seed(scale("1000", 1)).build());

        MigrationResult notNull = result.migrations().get(0);
        assertThat(notNull.status()).as(String.valueOf(notNull.error())).isEqualTo(Status.PASSED);
        assertThat(notNull.statements()).filteredOn(s -> s.sql().startsWith("UPDATE")).singleElement()
                .extracting(StatementResult::rowsAffected).as("the default for NULLs met the seeded rows").isEqualTo(1_000L);
        assertThat(result.seed().gaps()).isEmpty();
    }

    @Test
    void aJsonKeyThatABackfillParsesWithAFormatIsWrittenInThatFormat() throws SQLException {
        write(project.resolve("db/V1__workflows.sql"), """
                CREATE TABLE workflows (id bigint PRIMARY KEY, json_data jsonb NOT NULL);
                """);
        write(project.resolve("db/V2__update_time.sql"), """
                ALTER TABLE workflows ADD COLUMN update_time timestamp;
                UPDATE workflows SET update_time = to_timestamp(json_data->>'updateTime', 'YYYY-MM-DD"T"HH24:MI:SS.MS');
                """);

        RunResult result = keep(Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .migrations(List.of("V2__*")).seed(scale("1000", 1)).keepDatabase(true).build()));

        MigrationResult backfill = result.migrations().get(0);
        assertThat(backfill.status()).as(String.valueOf(backfill.error())).isEqualTo(Status.PASSED);
        assertThat(backfill.statements().get(1).rowsAffected()).isEqualTo(1_000);
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM workflows WHERE update_time IS NOT NULL"))
                    .as("the key is there, written as the template reads it").isGreaterThan(500);
        }
    }

    @Test
    void anIndexBuiltOnANearlyEmptyTableSaysItsFiguresSayLittle() {
        write(project.resolve("db/V1__loans.sql"), """
                CREATE TABLE clients (id bigint PRIMARY KEY, name text NOT NULL);
                CREATE TABLE loans (id bigint PRIMARY KEY, client_id bigint NOT NULL, amount numeric(12, 2) NOT NULL);
                """);
        write(project.resolve("db/V2__loan_index.sql"), "CREATE INDEX loans_client ON loans (client_id);\n");
        write(project.resolve("db/V3__client_name.sql"), "ALTER TABLE clients ADD COLUMN nickname text;\n");

        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .migrations(List.of("V2__*", "V3__*")).seed(SeedOptions.parse("1000", 1, 0.1, Map.of("loans", 7L))).build());

        assertThat(result.migrations().get(0).warnings()).contains("measured on public.loans with 7 rows, under 1 % of the scale's "
                + "1,000 child rows: its runtime and locks say little about production's; give production's counts "
                + "(productionRows, the stats goal) or rowCounts (docs/seeding.md)");
        assertThat(result.migrations().get(1).warnings()).as("a catalog-only change does not depend on the rows")
                .noneMatch(w -> w.startsWith("measured on"));
    }

    @Test
    void rowCountOverridesWinAndZeroLeavesATableEmpty() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), AWKWARD_SCHEMA);

        RunResult result = keep(Profiles.profile(server.config(project)
                .sqlDirectory(project.resolve("db")).keepDatabase(true)
                .seed(SeedOptions.parse("1000", 1, 0.1, Map.of("addresses", 0L, "public.tenants", 7L))).build()));

        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM addresses")).isZero();
            assertThat(count(db, "SELECT count(*) FROM tenants")).isEqualTo(7);
        }
    }

    @Test
    void aTableTheMigrationsFilledKeepsTheirRowsAndIsAGapWhereProductionCountsMillions() {
        write(project.resolve("db/V1__schema.sql"), """
                CREATE TABLE roles (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO roles VALUES (1, 'admin'), (2, 'user');
                CREATE TABLE accounts (id int PRIMARY KEY, role_id int REFERENCES roles (id));
                INSERT INTO accounts VALUES (1, 1), (2, 2);
                """);
        write(project.resolve("db/V2__index.sql"), "CREATE INDEX accounts_role ON accounts (role_id);\n");

        RunResult result = Profiles.profile(server.config(project)
                .sqlDirectory(project.resolve("db")).seed(scale("1000", 1))
                .productionRows(Map.of("accounts", 20_000_000L)).build());

        assertThat(result.seed().gaps()).as("roles is reference data: production has no count for it")
                .extracting(SeedSummary.Gap::table).containsOnly("public.accounts");
        assertThat(result.seed().gaps().get(0).reason()).isEqualTo("not seeded: the migrations put rows in it, and it keeps "
                + "theirs (production has 20,000,000); if they are test data, leave them out as production does "
                + "(migration-profiler.contexts)");
    }

    @Test
    void scaleZeroProfilesEmptyTablesAndSaysSo() {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");

        RunResult result = Profiles.profile(server.config(project)
                .sqlDirectory(project.resolve("db")).seed(scale("0", 1)).build());

        assertThat(result.seed()).isNull();
        assertThat(result.migrations()).flatExtracting(MigrationResult::warnings)
                .singleElement().asString().startsWith("seed.scale=0: measured on empty tables");
    }

    @Test
    void theSeedGoalLeavesASeededDatabaseToExplore() throws SQLException {
        write(project.resolve("db/V1__schema.sql"), AWKWARD_SCHEMA);
        write(project.resolve("db/V2__more.sql"), "ALTER TABLE tenants ADD COLUMN plan text;\n");

        RunResult result = keep(new SeedRun(ProfilerLog.SILENT).run(server.config(project)
                .sqlDirectory(project.resolve("db")).seed(scale("1000", 5)).build()));

        assertThat(result.baseline()).containsExactly("V1__schema.sql", "V2__more.sql");
        assertThat(result.migrations()).isEmpty();
        assertThat(server.scratchDatabases()).containsExactly(result.database());
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM addresses")).isEqualTo(1_000);
            assertThat(count(db, "SELECT count(plan) FROM tenants")).isPositive(); // seeded after the last migration
        }
    }

    @Test
    void theSeedGoalNeedsAServerThatOutlivesTheBuild() {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        ProfilerConfig embedded = server.config(project).sqlDirectory(project.resolve("db"))
                .engine(EngineKind.EMBEDDED).seed(scale("small", 1)).build();

        assertThatThrownBy(() -> new SeedRun(ProfilerLog.SILENT).run(embedded))
                .hasMessageContaining("The seed goal needs a server that outlives the build");
    }

    /** Rows whose foreign key points nowhere, over every foreign key in the database. */
    private static long orphans(Connection db) throws SQLException {
        List<String> checks = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT conrelid::regclass, confrelid::regclass,
                       (SELECT string_agg(format('c.%I = p.%I', a.attname, b.attname), ' AND ')
                          FROM unnest(conkey, confkey) k(ck, fk)
                          JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.ck
                          JOIN pg_attribute b ON b.attrelid = confrelid AND b.attnum = k.fk),
                       (SELECT string_agg(format('c.%I IS NOT NULL', a.attname), ' AND ')
                          FROM unnest(conkey) k(ck) JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.ck)
                  FROM pg_constraint WHERE contype = 'f' AND conparentid = 0""")) {
            while (rs.next()) {
                checks.add("SELECT count(*) FROM " + rs.getString(1) + " c WHERE " + rs.getString(4)
                        + " AND NOT EXISTS (SELECT 1 FROM " + rs.getString(2) + " p WHERE " + rs.getString(3) + ")");
            }
        }
        assertThat(checks).isNotEmpty();
        long orphans = 0;
        for (String check : checks) {
            orphans += count(db, check);
        }
        return orphans;
    }

    private static String fingerprint(RunResult result) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection db = server.admin(result.database())) {
            for (SeedSummary.TableSeed table : result.seed().tables()) {
                all.append(string(db, "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + table.table() + " t"));
            }
        }
        return all.toString();
    }


    static final String AWKWARD_SCHEMA = """
            CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
            CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
            CREATE TABLE tenants (id int PRIMARY KEY, name text NOT NULL);
            CREATE TABLE accounts (
                tenant_id int NOT NULL REFERENCES tenants, id int NOT NULL, email varchar(40) NOT NULL,
                mood mood NOT NULL, tags text[], prefs jsonb, score positive_int,
                rating int CHECK (rating BETWEEN 1 AND 5), kind text NOT NULL CHECK (kind IN ('free', 'pro')),
                code char(6) UNIQUE, PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, email));
            CREATE TABLE notes (
                id bigserial PRIMARY KEY, tenant_id int NOT NULL, account_id int NOT NULL, body text,
                parent_id bigint REFERENCES notes (id),
                FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id));
            CREATE TABLE departments (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, head_id int);
            CREATE TABLE employees (
                id serial PRIMARY KEY, department_id int NOT NULL REFERENCES departments,
                manager_id int REFERENCES employees (id), name text NOT NULL, hired date NOT NULL,
                salary numeric(8,2) CHECK (salary > 0), ip inet, avatar bytea,
                full_name text GENERATED ALWAYS AS (name || '!') STORED);
            ALTER TABLE departments ADD FOREIGN KEY (head_id) REFERENCES employees (id);
            CREATE TABLE events (id bigint NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL,
                PRIMARY KEY (id, occurred_at)) PARTITION BY RANGE (occurred_at);
            CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE memberships (tenant_id int REFERENCES tenants, employee_id int REFERENCES employees,
                PRIMARY KEY (tenant_id, employee_id));
            CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL);
            INSERT INTO countries VALUES ('PT', 'Portugal'), ('NO', 'Norway'), ('JP', 'Japan');
            CREATE TABLE addresses (id int PRIMARY KEY, country char(2) NOT NULL REFERENCES countries, city text);
            """;
}
