package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.FlywayOptions;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The rollback pass: each reviewed migration undone as its project undoes it, on a copy of the state after it. */
class RollbackIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    private static Rollback rollbackOf(RunResult run, String id) {
        return run.migrations().stream().filter(m -> m.id().equals(id)).map(MigrationResult::rollback).findFirst().orElseThrow();
    }

    @Test
    void liquibaseRollsBackEachChangesetItsOwnWay() throws Exception {
        write(project.resolve("src/main/resources/db/master.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="1-items" author="a">
                        <createTable tableName="items"><column name="id" type="bigint"><constraints primaryKey="true"/></column>
                            <column name="price" type="int"/></createTable>
                    </changeSet>
                    <changeSet id="2-note" author="a">
                        <addColumn tableName="items"><column name="note" type="text"/></addColumn>
                    </changeSet>
                    <changeSet id="3-backfill" author="a">
                        <sql>UPDATE items SET note = 'n' || id</sql>
                        <rollback><sql>UPDATE items SET note = NULL</sql></rollback>
                    </changeSet>
                    <changeSet id="4-raw-index" author="a">
                        <sql>CREATE INDEX items_price ON items (price)</sql>
                    </changeSet>
                    <changeSet id="5-note-index" author="a">
                        <createIndex tableName="items" indexName="items_note"><column name="note"/></createIndex>
                        <rollback/>
                    </changeSet>
                </databaseChangeLog>
                """);
        ProfilerConfig config = server.config(project).changelog(Path.of("src/main/resources/db/master.xml"))
                .searchPath(List.of(project.resolve("src/main/resources"))).seed(SeedOptions.parse("500", 1, 0.1, Map.of()))
                .migrations(List.of("2-note", "3-backfill", "4-raw-index", "5-note-index")).build();

        RunResult run = Profiles.profile(config);

        Rollback added = rollbackOf(run, "2-note");
        assertThat(added.status()).isEqualTo(Rollback.Status.REVERSED);
        assertThat(added.how()).isEqualTo("Liquibase's automatic rollback of addColumn");
        assertThat(added.schemaRestored()).isTrue();
        assertThat(added.millis()).isPositive();
        assertThat(added.reapplied()).isNull();
        assertThat(rollbackOf(run, "3-backfill")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.how()).isEqualTo("the changeset's <rollback>, run by Liquibase");
        });
        assertThat(rollbackOf(run, "4-raw-index")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.NOT_REVERSIBLE);
            assertThat(r.error()).isEqualTo("Liquibase cannot roll back sql without a <rollback> in the changeset");
        });
        assertThat(rollbackOf(run, "5-note-index")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.INCOMPLETE);
            assertThat(r.schemaRestored()).isFalse();
            assertThat(r.differences()).containsExactly("still there: index public.items_note");
        });
        assertThat(run.migrations()).filteredOn(m -> m.id().equals("5-note-index")).singleElement().satisfies(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(m.reasons()).anyMatch(r -> r.startsWith("finding") && r.contains("rollback-incomplete (warning)"));
            assertThat(m.findings()).filteredOn(f -> f.rule() == RuleId.ROLLBACK_INCOMPLETE).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("The rollback (the changeset's <rollback>, run by Liquibase) "
                            + "left another schema than the one before the migration: still there: index public.items_note; applying "
                            + "the migration again then failed: ERROR: relation \"items_note\" already exists"));
        });
        assertThat(run.migrations()).filteredOn(m -> m.id().equals("4-raw-index")).singleElement()
                .satisfies(m -> assertThat(m.reasons()).noneMatch(r -> r.startsWith("rollback")));
        Path out = project.resolve("target/migration-profiler");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("### Rollback",
                "**: INCOMPLETE in ", "by the changeset's &lt;rollback&gt;, run by Liquibase: still there: index public.items_note");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h3>Rollback</h3>", "NOT_REVERSIBLE: Liquibase cannot roll back sql",
                "<th>Rollback</th>");
        assertThat(Files.readString(out.resolve("summary.md"))).as("the migrations table has a Rollback column")
                .contains("| Strongest lock (held) | Rollback | Verdict |").containsPattern("\\| INCOMPLETE \\(1 difference\\) \\| ");
    }

    @Test
    void aFlywayUndoFileRestoresTheSchemaAndNamesTheDataItDrops() {
        write(project.resolve("db/V1__lists.sql"), "CREATE TABLE lists (id bigint PRIMARY KEY, name text NOT NULL);\n");
        write(project.resolve("db/V2__w.sql"), """
                CREATE TABLE wishes (id bigint PRIMARY KEY, list_id bigint NOT NULL REFERENCES lists, title text NOT NULL);
                CREATE INDEX wishes_list ON wishes (list_id);
                """);
        write(project.resolve("db/U2__w.sql"), "DROP TABLE wishes;\n");
        write(project.resolve("db/V3__archived.sql"), "ALTER TABLE lists ADD COLUMN archived boolean NOT NULL DEFAULT false;\n");
        write(project.resolve("db/U3__archived.sql"), "ALTER TABLE lists DROP COLUMN archived;\nDROP INDEX IF EXISTS nothing_here;\n");
        write(project.resolve("db/V4__no_undo.sql"), "CREATE INDEX lists_name ON lists (name);\n");
        write(project.resolve("db/V5__view.sql"), "CREATE VIEW list_names AS SELECT name FROM lists;\n");
        write(project.resolve("db/U5__view.sql"), "DROP VIEW list_names;\n");
        ProfilerConfig config = server.config(project).sqlDirectory(project.resolve("db"))
                .flyway(new FlywayOptions(Map.of(), Map.of(), List.of(), List.of()))
                .seed(SeedOptions.parse("1000", 1, 0.1, Map.of())).migrations(List.of("V2__*", "V3__*", "V4__*", "V5__*")).build();
        List<String> log = new ArrayList<>();

        RunResult run = Profiles.profile(config, new CollectingLog(log));

        assertThat(rollbackOf(run, "V2__w.sql")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.how()).isEqualTo("db/U2__w.sql");
            assertThat(r.schemaRestored()).isTrue();
            assertThat(r.dataLost()).singleElement().asString().matches("table public\\.wishes: [\\d,]+ rows");
        });
        assertThat(rollbackOf(run, "V3__archived.sql")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.dataLost()).singleElement().asString().matches("column public\\.lists\\.archived: [\\d,]+ values");
        });
        assertThat(rollbackOf(run, "V2__w.sql").findings()).as("nobody's traffic uses the table it made once the code is rolled "
                + "back, but dropping it takes ACCESS EXCLUSIVE on lists, which traffic uses, for its foreign key")
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(RuleId.MISSING_LOCK_TIMEOUT);
                    assertThat(f.subjects()).contains("public.lists");
                });
        assertThat(run.migrations().get(0).findings()).filteredOn(f -> f.rule() == RuleId.ROLLBACK_LOSES_DATA).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).matches("The rollback \\(db/U2__w\\.sql\\) drops data: table public\\.wishes: [\\d,]+ rows "
                            + "\\(in production: everything written there by the time of the rollback\\)");
                });
        assertThat(log).anyMatch(l -> l.matches("WARN {8}rollback: REVERSED in [\\d.]+ ms by db/U2__w\\.sql; the undo itself: SMALL, "
                + "missing-lock-timeout \\(warning\\)"));
        assertThat(log).anyMatch(l -> l.matches("(?s) {7}\\[info\\] rollback-loses-data: The rollback \\(db/U2__w\\.sql\\) drops data: "
                + "table public\\.wishes: [\\d,]+ rows .*"));
        assertThat(rollbackOf(run, "V5__view.sql")).as("a view holds no data of its own").satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.dataLost()).isEmpty();
        });
        assertThat(rollbackOf(run, "V4__no_undo.sql")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.NOT_REVERSIBLE);
            assertThat(r.error()).isEqualTo("no undo file U4__….sql beside db/V4__no_undo.sql");
        });
    }

    @Test
    void anUndoThatLeavesAnotherSchemaIsIncompleteNamingEachDifference() {
        write(project.resolve("db/001_items.sql"), """
                CREATE TABLE items (id bigint PRIMARY KEY, price int NOT NULL, note text);
                CREATE INDEX items_note ON items (note);
                """);
        write(project.resolve("db/002_wider.sql"), "ALTER TABLE items ALTER COLUMN price TYPE bigint;\n");
        write(project.resolve("db/002_wider.undo.sql"), """
                ALTER TABLE items ALTER COLUMN price TYPE numeric;
                DROP INDEX items_note;
                """);

        RunResult run = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(SeedOptions.parse("500", 1, 0.1, Map.of())).migrations(List.of("002_*")).build());

        assertThat(rollbackOf(run, "002_wider.sql")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.INCOMPLETE);
            assertThat(r.how()).isEqualTo("db/002_wider.undo.sql");
            assertThat(r.differences()).containsExactlyInAnyOrder(
                    "changed: column public.items.price is numeric NOT NULL, was integer NOT NULL",
                    "missing: index public.items_note");
            assertThat(r.dataLost()).isEmpty();
            assertThat(r.reapplied()).isNull();
        });
    }

    @Test
    void aPlainSqlFilesRollbackSectionIsItsUndoAndNotPartOfTheMigration() {
        write(project.resolve("db/001_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        write(project.resolve("db/002_note.sql"), """
                ALTER TABLE items ADD COLUMN note text;
                -- rollback
                ALTER TABLE items DROP COLUMN note;
                """);

        RunResult run = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(SeedOptions.parse("500", 1, 0.1, Map.of())).migrations(List.of("002_*")).build());

        MigrationResult note = run.migrations().get(0);
        assertThat(note.statements()).extracting(s -> s.sql()).containsExactly("ALTER TABLE items ADD COLUMN note text");
        assertThat(note.rollback()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.how()).isEqualTo("db/002_note.sql (its -- rollback section)");
        });
    }

    /** items.quantity widened to bigint by V2 and narrowed back by U2; each file opens with its prefix (a lock_timeout, or ""). */
    private void widerAndBack(String forwardPrefix, String undoPrefix) {
        write(project.resolve("db/V1__items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, quantity int NOT NULL);\n");
        write(project.resolve("db/V2__wider.sql"), forwardPrefix + "ALTER TABLE items ALTER COLUMN quantity TYPE bigint;\n");
        write(project.resolve("db/U2__wider.sql"), undoPrefix + "ALTER TABLE items ALTER COLUMN quantity TYPE int;\n");
    }

    /** The project's db directory as a Flyway project, reviewing V2 only. */
    private ProfilerConfig.Builder flywayReviewingV2(Map<String, String> settings) {
        return server.config(project).sqlDirectory(project.resolve("db")).flyway(new FlywayOptions(settings, Map.of(), List.of(), List.of()))
                .migrations(List.of("V2__*"));
    }

    @Test
    void anUndoIsJudgedAsAMigrationIs() {
        widerAndBack("SET lock_timeout = '2s';\n", "");

        RunResult run = Profiles.profile(flywayReviewingV2(Map.of()).seed(SeedOptions.parse("2000", 1, 0.1, Map.of())).build());

        MigrationResult wider = run.migrations().get(0);
        assertThat(wider.findings()).extracting(f -> f.rule().id()).contains("column-type-rewrite");
        assertThat(wider.rollback()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.kind()).isEqualTo(wider.kind());
            assertThat(r.findings()).extracting(f -> f.rule().id()).contains("column-type-rewrite", "missing-lock-timeout");
            assertThat(r.locks()).anyMatch(l -> l.table().equals("public.items") && l.mode().equals("ACCESS EXCLUSIVE"));
        });
        assertThat(wider.reasons()).anyMatch(reason -> reason.startsWith("rollback findings ") && reason.contains("column-type-rewrite (error)"));
    }

    @Test
    void anUndoGetsItsOwnTrafficPass() {
        widerAndBack("", "");

        RunResult run = Profiles.profile(flywayReviewingV2(Map.of())
                .traffic(new TrafficOptions(true, 2, 50, Duration.ofMillis(300), null, Duration.ZERO))
                .seed(SeedOptions.parse("2000", 1, 0.1, Map.of())).build());

        MigrationResult wider = run.migrations().get(0);
        assertThat(wider.traffic()).as("the migration's own pass").isNotNull();
        assertThat(wider.rollback()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.traffic()).as("the undo rewrites items under ACCESS EXCLUSIVE while the workload reads and writes it")
                    .isNotNull();
            assertThat(r.traffic().tables()).contains("public.items");
            assertThat(r.traffic().queries()).isPositive();
        });
    }

    @Test
    void anUndoIsProjectedToProductionsRowsAndJudgedByIt() {
        widerAndBack("SET lock_timeout = '2s';\n", "SET lock_timeout = '2s';\n");

        RunResult run = Profiles.profile(flywayReviewingV2(Map.of())
                // enough rows that the rewrite's time grows clearly from one size to the next, beyond timer noise
                .seed(SeedOptions.parse("50000", 1, 0.1, Map.of())).productionRows(Map.of("items", 2_000_000_000L)).build());

        MigrationResult wider = run.migrations().get(0);
        assertThat(wider.projection()).as("the migration's own").isNotNull();
        assertThat(wider.rollback().projection()).as("the undo rewrites items back: it grows with its rows").isNotNull()
                .satisfies(p -> {
                    assertThat(p.rows()).isEqualTo(2_000_000_000L);
                    assertThat(p.points()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(p.millis()).isGreaterThan(p.points().get(p.points().size() - 1).millis());
                });
        assertThat(wider.reasons()).anyMatch(r -> r.startsWith("rollback would run about ") && r.contains("(projected)"));
    }

    @Test
    void anUndoThatFollowsTheAdviceGetsNoFinding() {
        write(project.resolve("db/V1__items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, note text);\n");
        write(project.resolve("db/V2__note_index.sql"), "CREATE INDEX CONCURRENTLY items_note ON items (note);\n");
        write(project.resolve("db/U2__note_index.sql"), "SET lock_timeout = '2s';\nDROP INDEX CONCURRENTLY items_note;\n");

        RunResult run = Profiles.profile(flywayReviewingV2(Map.of("flyway.postgresql.transactional.lock", "false"))
                .seed(SeedOptions.parse("2000", 1, 0.1, Map.of())).build());

        assertThat(run.migrations().get(0).rollback()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.REVERSED);
            assertThat(r.findings()).isEmpty();
        });
        assertThat(run.migrations().get(0).reasons()).noneMatch(reason -> reason.startsWith("rollback"));
    }

    @Test
    void aFailingUndoIsFailedWithTheServersError() {
        write(project.resolve("db/001_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        write(project.resolve("db/002_price.sql"), "ALTER TABLE items ADD COLUMN price int;\n");
        write(project.resolve("db/002_price.down.sql"), "ALTER TABLE items DROP COLUMN cost;\n");

        RunResult run = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(SeedOptions.parse("500", 1, 0.1, Map.of())).build());

        assertThat(run.migrations()).extracting(MigrationResult::id).containsExactly("001_items.sql", "002_price.sql");
        assertThat(rollbackOf(run, "002_price.sql")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Rollback.Status.FAILED);
            assertThat(r.how()).isEqualTo("db/002_price.down.sql");
            assertThat(r.sqlError().sqlState()).isEqualTo("42703");
        });
        assertThat(run.migrations().get(1).findings()).filteredOn(f -> f.rule() == RuleId.ROLLBACK_FAILED).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("The rollback (db/002_price.down.sql) failed on the state the "
                        + "migration leaves: ").contains("column \"cost\" of relation \"items\" does not exist"));
        assertThat(run.migrations().get(1).reasons()).anyMatch(r -> r.startsWith("finding") && r.contains("rollback-failed (error)"));
        assertThat(rollbackOf(run, "001_items.sql").status()).isEqualTo(Rollback.Status.NOT_REVERSIBLE);
    }
}
