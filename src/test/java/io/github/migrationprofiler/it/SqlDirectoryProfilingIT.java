package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Plain SQL migrations on a real external server. */
class SqlDirectoryProfilingIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    private RunResult profile(List<String> selection) {
        return Profiles.profile(server.config(project)
                .sqlDirectory(project.resolve("db")).migrations(selection).build());
    }

    @Test
    void measuresEveryStatementOfEveryFile() {
        write(project.resolve("db/V1__schema.sql"), """
                CREATE TABLE items (id int PRIMARY KEY, title text NOT NULL);
                INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 1000) g;
                """);
        write(project.resolve("db/V2__backfill.sql"), """
                -- a DO block full of semicolons is one statement
                DO $$
                BEGIN
                  UPDATE items SET title = upper(title) WHERE id <= 10;
                  RAISE NOTICE 'done; really';
                END $$;

                UPDATE items
                   SET title = title || '!'
                 WHERE id <= 250;
                """);
        write(project.resolve("db/V3__index.sql"), """
                CREATE INDEX CONCURRENTLY idx_items_title ON items (title);
                """);

        RunResult result = profile(List.of());

        assertThat(result.engine().kind()).isEqualTo("external");
        assertThat(result.database()).matches("test_migration_\\d{8}_\\d{6}_[a-z0-9]{6}");
        assertThat(result.migrations()).extracting(MigrationResult::id, MigrationResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("V1__schema.sql", Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("V2__backfill.sql", Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("V3__index.sql", Status.PASSED));
        MigrationResult schema = result.migrations().get(0);
        assertThat(schema.rowsAffected()).isEqualTo(1000);
        MigrationResult backfill = result.migrations().get(1);
        assertThat(backfill.statements()).extracting(StatementResult::line).containsExactly(2, 8);
        assertThat(backfill.statements().get(0).sql()).startsWith("DO $$").contains("RAISE NOTICE 'done; really';");
        assertThat(backfill.statements().get(1).rowsAffected()).isEqualTo(250);
        // CONCURRENTLY fails inside a transaction block (25001): passing proves it ran in autocommit
        MigrationResult index = result.migrations().get(2);
        assertThat(index.statements()).extracting(StatementResult::sql)
                .containsExactly("CREATE INDEX CONCURRENTLY idx_items_title ON items (title)");
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.millis()).isPositive());
        assertThat(result.totals().migrations()).isEqualTo(3);
        assertThat(result.totals().failed()).isZero();
        assertThat(result.totals().millis()).isEqualTo(
                result.migrations().stream().mapToDouble(MigrationResult::millis).sum(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void filesWithoutFlywayNamesRunAsPsqlWouldWithCopyData() {
        write(project.resolve("db/001_items.sql"), "CREATE TABLE items (id int PRIMARY KEY, title text);\n");
        write(project.resolve("db/002_load.sql"), """
                COPY items (id, title) FROM stdin;
                1\tfirst; with a semicolon
                2\tsecond
                \\.
                CREATE INDEX CONCURRENTLY items_title ON items (title);
                """);

        RunResult result = profile(List.of());

        assertThat(result.source()).startsWith("SQL directory db");
        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(result.migrations().get(1).statements()).extracting(StatementResult::sql, StatementResult::rowsAffected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COPY items (id, title) FROM stdin", 2L),
                        org.assertj.core.groups.Tuple.tuple("CREATE INDEX CONCURRENTLY items_title ON items (title)", 0L));
    }

    @Test
    void aFailingFileIsReportedWithLineAndSqlStateAndRolledBack() {
        write(project.resolve("db/V1__ok.sql"), "CREATE TABLE a (id int);\n");
        write(project.resolve("db/V2__bad.sql"), """
                INSERT INTO a VALUES (1);
                SELECT *
                  FROM missing_table;
                """);
        write(project.resolve("db/V3__never.sql"), "CREATE TABLE never (id int);\n");

        RunResult result = profile(List.of());

        assertThat(result.migrations()).extracting(MigrationResult::id).containsExactly("V1__ok.sql", "V2__bad.sql");
        MigrationResult failed = result.failures().get(0);
        assertThat(failed.error().sqlState()).isEqualTo("42P01");
        assertThat(failed.error().message()).isEqualTo("relation \"missing_table\" does not exist");
        assertThat(failed.error().line()).isEqualTo(3); // the server's position points into the statement's second line
        assertThat(failed.failureSummary()).startsWith("db/V2__bad.sql:3 (file V2__bad.sql, line 3, column 8): SQLSTATE 42P01");
        assertThat(result.totals().failed()).isEqualTo(1);
    }

    @Test
    void aSyntaxErrorFailsBeforeAnythingIsSeededWithLineAndColumn() {
        write(project.resolve("db/V1__ok.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n");
        write(project.resolve("db/V2__typo.sql"), """
                -- add a flag
                ALTER TABLE a
                    ADD COLUM flag boolean NOT NULL DEFAULT false;
                """);

        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(SeedOptions.parse("medium", 42, 0.1, Map.of())).build());

        assertThat(result.seed()).as("nothing seeded").isNull();
        MigrationResult typo = result.failures().get(0);
        assertThat(typo.failureSummary()).isEqualTo("db/V2__typo.sql:3 (file V2__typo.sql, line 3, column 20): SQLSTATE 42601: "
                + "syntax error at or near \"boolean\"");
        assertThat(result.migrations().get(0).warnings()).anyMatch(w -> w.startsWith("run once on empty tables, only to report"));
        assertThat(result.migrations().get(0).instrumentedMillis()).as("no clean timing pass ran").isNull();
    }

    @Test
    void selectedMigrationsRunAfterTheBaseline() {
        write(project.resolve("db/V1__a.sql"), "CREATE TABLE a (id int);\n");
        write(project.resolve("db/V2__b.sql"), "INSERT INTO a SELECT generate_series(1, 500);\n");
        write(project.resolve("db/V3__c.sql"), "DELETE FROM a WHERE id > 100;\n");

        RunResult result = profile(List.of("V3__*"));

        assertThat(result.baseline()).containsExactly("V1__a.sql", "V2__b.sql");
        assertThat(result.migrations()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("V3__c.sql");
            assertThat(m.rowsAffected()).isEqualTo(400);
        });
    }

    @Test
    void resultsJsonHoldsTheRun() throws Exception {
        write(project.resolve("db/V1__a.sql"), "CREATE TABLE a (id int);\n");

        RunResult result = profile(List.of());

        Path json = project.resolve("target/migration-profiler/results.json");
        assertThat(json).exists();
        assertThat(ResultsJson.read(json)).isEqualTo(result);
        assertThat(Files.readString(json)).doesNotContain(TestPostgres.PROFILER.password());
    }
}
