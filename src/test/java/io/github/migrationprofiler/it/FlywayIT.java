package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.FlywayOptions;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway projects run through Flyway itself: each case of a real project that steps off the
 * simplest path behaves as Flyway does, and the schema it leaves is the one Flyway leaves.
 */
class FlywayIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    private RunResult profile(Map<String, String> flyway) {
        return Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .flyway(new FlywayOptions(flyway, Map.of(), List.of(), List.of())).build());
    }

    private static List<String> ids(RunResult result) {
        return result.migrations().stream().map(MigrationResult::id).toList();
    }

    private static List<RuleId> rules(MigrationResult migration) {
        return migration.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void placeholdersAreReplacedAndAnUnsetOneFailsAsInFlyway() {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE items (id int, owner text DEFAULT '${owner}');\n");
        write(project.resolve("db/V2__grant.sql"), "COMMENT ON TABLE items IS '${flyway:defaultSchema} ${missing}';\n");

        RunResult result = profile(Map.of("placeholders.owner", "app"));

        assertThat(result.migrations().get(0).status()).isEqualTo(Status.PASSED);
        MigrationResult unset = result.migrations().get(1);
        assertThat(unset.status()).isEqualTo(Status.FAILED);
        assertThat(unset.failureSummary()).contains("No value provided for placeholder").contains("missing");
    }

    @Test
    void callbacksRunAroundMigrationsAndTheirLockTimeoutCounts() {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE items (id int);\n");
        write(project.resolve("db/V2__column.sql"), "ALTER TABLE items ADD COLUMN note text;\n");
        write(project.resolve("db/beforeEachMigrate.sql"), "SET lock_timeout = '2s';\n");
        write(project.resolve("db/afterMigrate.sql"), "CREATE TABLE IF NOT EXISTS after_migrate (id int);\n");

        RunResult result = profile(Map.of());

        assertThat(ids(result)).containsExactly("V1__schema.sql", "V2__column.sql");
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(rules(result.migrations().get(1))).doesNotContain(RuleId.MISSING_LOCK_TIMEOUT);
        assertThat(result.migrations().get(1).statements()).extracting(s -> s.sql())
                .containsExactly("SET lock_timeout = '2s'", "ALTER TABLE items ADD COLUMN note text");
    }

    @Test
    void scriptConfigRunsAMigrationOutsideATransaction() {
        write(project.resolve("db/V1__enum.sql"), "CREATE TYPE state AS ENUM ('new');\nCREATE TABLE orders (s state);\n");
        write(project.resolve("db/V2__shipped.sql"), "ALTER TYPE state ADD VALUE 'shipped';\nINSERT INTO orders VALUES ('shipped');\n");
        write(project.resolve("db/V2__shipped.sql.conf"), "executeInTransaction=false\n");

        RunResult result = profile(Map.of());

        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(rules(result.migrations().get(1))).as("under Flyway's transactional lock, but nothing in it waits for "
                + "older transactions").doesNotContain(RuleId.RUNNER_HAZARD);
    }

    @Test
    void aScriptMixingConcurrentIndexAndOtherStatementsIsRefusedAsFlywayRefusesIt() {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE items (id int);\n");
        write(project.resolve("db/V2__mixed.sql"), "ALTER TABLE items ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY items_note ON items (note);\n");

        RunResult result = profile(Map.of());

        assertThat(ids(result)).containsExactly("V1__schema.sql", "V2__mixed.sql");
        assertThat(result.migrations().get(1).status()).isEqualTo(Status.FAILED);
        assertThat(result.migrations().get(1).failureSummary())
                .contains("Detected both transactional and non-transactional statements within the same migration");
    }

    @Test
    void aLoneConcurrentIndexUnderTheTransactionalLockFinishesWithAFindingNamingTheSetting() {
        write(project.resolve("db/V1__schema.sql"), "CREATE TABLE items (id int);\n");
        write(project.resolve("db/V2__index.sql"), "CREATE INDEX CONCURRENTLY items_id ON items (id);\n");

        MigrationResult underLock = profile(Map.of()).migrations().get(1);
        MigrationResult lockOff = profile(Map.of("postgresql.transactional.lock", "false")).migrations().get(1);

        assertThat(underLock.status()).isEqualTo(Status.PASSED);
        assertThat(underLock.findings()).filteredOn(f -> f.rule() == RuleId.RUNNER_HAZARD).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("postgresql.transactional.lock"));
        assertThat(rules(lockOff)).doesNotContain(RuleId.RUNNER_HAZARD);
    }

    @Test
    void namesFlywayDoesNotRunAreLeftOutAndABaselineMigrationStartsAnEmptyDatabase() {
        write(project.resolve("db/V1__items.sql"), "CREATE TABLE items (id int);\n");
        write(project.resolve("db/V2__price.sql"), "ALTER TABLE items ADD COLUMN price int;\n");
        write(project.resolve("db/B2__baseline.sql"), "CREATE TABLE items (id int, price int);\n");
        write(project.resolve("db/V3__note.sql"), "ALTER TABLE items ADD COLUMN note text;\n");
        write(project.resolve("db/U3__note.sql"), "ALTER TABLE items DROP COLUMN note;\n");
        write(project.resolve("db/V4_typo.sql"), "DROP TABLE items;\n");
        write(project.resolve("db/v5__lower.sql"), "DROP TABLE items;\n");

        RunResult result = profile(Map.of());

        assertThat(ids(result)).containsExactly("B2__baseline.sql", "V3__note.sql");
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(result.warnings()).as("what Flyway leaves out, in the report").anySatisfy(w -> assertThat(w)
                .startsWith("Flyway leaves out V1__items.sql"));
    }

    @Test
    void aJavaMigrationOnTheClasspathRunsInItsPlace() {
        write(project.resolve("db/V1__items.sql"), "CREATE TABLE items (id int);\n");
        write(project.resolve("db/V3__tags.sql"), "INSERT INTO item_tags VALUES (1, 'x');\n");

        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .flyway(new FlywayOptions(Map.of("locations", "filesystem:db,classpath:db/javamigration"), Map.of(), List.of(),
                        List.of())).build());

        assertThat(ids(result)).containsExactly("V1__items.sql", "db.javamigration.V2__ItemTags", "V3__tags.sql");
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(result.migrations().get(1).statements()).extracting(s -> s.sql())
                .containsExactly("CREATE TABLE item_tags (item_id int, tag text)");
    }

    @Test
    void copyFromStdinIsTimedAndReplayedWithItsRows() {
        write(project.resolve("db/V1__items.sql"), "CREATE TABLE items (id int PRIMARY KEY, title text);\n");
        write(project.resolve("db/V2__load.sql"), "COPY items (id, title) FROM STDIN;\n-1\tfirst\n-2\tsecond\n-3\tthird\n\\.\n");
        write(project.resolve("db/V3__upper.sql"), "UPDATE items SET title = upper(title);\n");

        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(SeedOptions.parse("100", 1, 0.1, Map.of())).build());

        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(result.migrations().get(1).statements()).singleElement().satisfies(copy -> {
            assertThat(copy.sql()).startsWith("COPY items");
            assertThat(copy.rowsAffected()).isEqualTo(3);
        });
        // the clean pass replayed the load: the update met the same rows there, or its timing would say otherwise
        MigrationResult update = result.migrations().get(2);
        assertThat(update.instrumentedMillis()).isNotNull();
        assertThat(update.warnings()).noneMatch(w -> w.contains("instrumented pass"));
    }

    @Test
    void springBootPropertiesConfigureTheRun() {
        write(project.resolve("src/main/resources/application.properties"), """
                spring.flyway.locations=classpath:db/schema
                spring.flyway.placeholders.owner=app
                """);
        write(project.resolve("src/main/resources/db/schema/V1__items.sql"), "CREATE TABLE items (owner text DEFAULT '${owner}');\n");

        RunResult result = Profiles.profile(server.config(project).build());

        assertThat(result.source()).contains("Flyway").contains("application.properties");
        assertThat(result.migrations()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
    }

    @Test
    void theSchemaAndHistoryAreFlywaysOwn() throws Exception {
        write(project.resolve("db/V1__items.sql"), "CREATE TABLE items (id serial PRIMARY KEY, owner text DEFAULT '${owner}');\n");
        write(project.resolve("db/V1.1__index.sql"), "CREATE INDEX CONCURRENTLY items_owner ON items (owner);\n");
        write(project.resolve("db/R__view.sql"), "CREATE OR REPLACE VIEW owners AS SELECT DISTINCT owner FROM items;\n");
        write(project.resolve("db/V2__note.sql"), "ALTER TABLE items ADD COLUMN note text;\n");
        Map<String, String> settings = Map.of("placeholders.owner", "app", "postgresql.transactional.lock", "false");

        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db")).keepDatabase(true)
                .seed(SeedOptions.parse("200", 1, 0.1, Map.of()))
                .flyway(new FlywayOptions(settings, Map.of(), List.of(), List.of())).build());
        String byFlyway = "flyway_direct_" + ProcessHandle.current().pid();
        try (Connection admin = server.admin("postgres")) {
            admin.createStatement().execute("CREATE DATABASE " + byFlyway + " OWNER " + TestPostgres.PROFILER.username());
        }
        try {
            FluentConfiguration flyway = Flyway.configure().dataSource(server.jdbcUrl().replace("/postgres", "/" + byFlyway),
                    TestPostgres.PROFILER.username(), TestPostgres.PROFILER.password())
                    .locations("filesystem:" + project.resolve("db")).placeholders(Map.of("owner", "app"));
            // with its lock in a transaction, Flyway itself hangs on the concurrent index
            flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
            flyway.load().migrate();
            assertThat(describe(result.database())).isEqualTo(describe(byFlyway));
            String versions = "SELECT string_agg(coalesce(version, '') || ':' || script || ':' || success, ', ' ORDER BY installed_rank) "
                    + "FROM flyway_schema_history";
            assertThat(query(result.database(), versions)).isEqualTo(query(byFlyway, versions))
                    .contains("1:V1__items.sql:true", ":R__view.sql:true");
        } finally {
            server.dropKept(List.of(result.database(), byFlyway));
        }
    }

    /** The schema as the catalog holds it: columns with types and defaults, indexes, views. */
    private static String describe(String database) throws Exception {
        return query(database, """
                SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                  SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
                         || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS line
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                   WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> 'flyway_schema_history'
                  UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
                  UNION ALL SELECT viewname || ': ' || definition FROM pg_views WHERE schemaname = 'public') lines
                """);
    }

    private static String query(String database, String sql) throws Exception {
        try (Connection db = server.admin(database)) {
            return TestPostgres.string(db, sql);
        }
    }
}
