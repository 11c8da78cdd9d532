package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Liquibase changelogs in every format, applied by Liquibase itself on a real server. */
class LiquibaseProfilingIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    Path resources;

    @BeforeEach
    void layOutProject() {
        resources = project.resolve("src/main/resources");
        write(resources.resolve("db/changelog/master.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <include file="changes/01-table.yaml" relativeToChangelogFile="true"/>
                    <include file="changes/02-data.json" relativeToChangelogFile="true"/>
                    <include file="db/changelog/changes/03-index.sql"/>
                    <changeSet id="04-test-only" author="qa" context="test">
                        <sql>CREATE TABLE test_only (id int)</sql>
                    </changeSet>
                    <changeSet id="05-skipped-by-precondition" author="dev">
                        <preConditions onFail="MARK_RAN"><tableExists tableName="no_such_table"/></preConditions>
                        <sql>DROP TABLE ${table}</sql>
                    </changeSet>
                    <changeSet id="06-labelled" author="dev" labels="later">
                        <sql>ALTER TABLE ${table} ADD COLUMN later int</sql>
                    </changeSet>
                </databaseChangeLog>
                """);
        write(resources.resolve("db/changelog/changes/01-table.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 01-table
                      author: dev
                      changes:
                        - createTable:
                            tableName: ${table}
                            columns:
                              - column: {name: id, type: int, constraints: {primaryKey: true}}
                              - column: {name: title, type: varchar(100)}
                """);
        write(resources.resolve("db/changelog/changes/02-data.json"), """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "02-data", "author": "dev", "changes": [
                    {"sql": {"sql": "INSERT INTO ${table} SELECT g, 'item ' || g FROM generate_series(1, 300) g"}},
                    {"sql": {"sql": "UPDATE ${table} SET title = upper(title) WHERE id <= 120"}}
                  ]}}
                ]}
                """);
        write(resources.resolve("db/changelog/changes/03-index.sql"), """
                --liquibase formatted sql

                --changeset dev:03-index runInTransaction:false
                CREATE INDEX CONCURRENTLY idx_items_title ON items (title);

                --changeset dev:03-analyze
                -- comment line before the statement
                ANALYZE items;
                """);
    }

    private ProfilerConfig.Builder config() {
        return server.config(project)
                .changelog(Path.of("src/main/resources/db/changelog/master.xml"))
                .searchPath(List.of(resources, project))
                .changelogParameters(Map.of("table", "items"));
    }

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    @Test
    void appliesEveryFormatWithParametersContextsAndLabels() {
        RunResult result = Profiles.profile(config().contexts("prod").labels("!later").build());

        assertThat(result.source()).isEqualTo("Liquibase changelog db/changelog/master.xml (7 changesets)");
        assertThat(result.migrations()).extracting(MigrationResult::id, MigrationResult::status).containsExactly(
                tuple("01-table", Status.PASSED), tuple("02-data", Status.PASSED), tuple("03-index", Status.PASSED),
                tuple("03-analyze", Status.PASSED), tuple("04-test-only", Status.SKIPPED),
                tuple("05-skipped-by-precondition", Status.SKIPPED), tuple("06-labelled", Status.SKIPPED));
        // skipped changesets say why, in Liquibase's words, and are not counted as profiled
        assertThat(result.migrations()).extracting(MigrationResult::skipped).containsExactly(null, null, null, null,
                "Context does not match 'prod'", "precondition failed, onFail MARK_RAN: Table public.no_such_table does not exist",
                "Labels does not match '!later'");
        assertThat(result.totals().migrations()).isEqualTo(4);
        assertThat(result.totals().skipped()).isEqualTo(3);

        MigrationResult table = result.migrations().get(0);
        assertThat(table.source()).isEqualTo("src/main/resources/db/changelog/changes/01-table.yaml");
        assertThat(table.line()).isEqualTo(3);
        assertThat(table.statements()).singleElement().satisfies(s -> assertThat(s.sql()).startsWith("CREATE TABLE public.items"));

        MigrationResult data = result.migrations().get(1);
        assertThat(data.statements()).extracting(StatementResult::rowsAffected).containsExactly(300L, 120L);
        assertThat(data.rowsAffected()).isEqualTo(420);

        MigrationResult index = result.migrations().get(2);
        assertThat(index.statements()).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("CREATE INDEX CONCURRENTLY idx_items_title ON items (title)");
            assertThat(s.line()).isEqualTo(4);
        });
        assertThat(result.migrations().get(3).statements()).extracting(StatementResult::line).containsExactly(8);
        // MARK_RAN: the precondition failed, so nothing of the changeset ran
        assertThat(result.migrations().get(5).statements()).isEmpty();
        // Liquibase's own bookkeeping is not measured
        assertThat(result.migrations()).flatExtracting(MigrationResult::statements).extracting(StatementResult::sql)
                .noneMatch(sql -> sql.toLowerCase().contains("databasechangelog"));
    }

    @Test
    void contextsAndLabelsAreFilters() {
        RunResult result = Profiles.profile(config().contexts("test").build());

        assertThat(result.migrations()).extracting(MigrationResult::id).contains("04-test-only", "06-labelled");
    }

    @Test
    void selectionMakesEarlierChangesetsTheBaseline() {
        RunResult result = Profiles.profile(config().migrations(List.of("dev:03-*")).build());

        assertThat(result.baseline()).containsExactly("01-table (dev)", "02-data (dev)");
        assertThat(result.migrations()).extracting(MigrationResult::id).containsExactly("03-index", "03-analyze");
    }

    @Test
    void aFailingChangesetNamesFileChangesetAndLine() {
        write(resources.resolve("db/changelog/changes/03-index.sql"), """
                --liquibase formatted sql

                --changeset dev:03-broken
                UPDATE items SET title = 'x' WHERE id = 1;
                ALTER TABLE items ADD COLUMN price numeric(10,2);
                ALTER TABLE items ALTER COLUMN nope TYPE bigint;
                """);

        RunResult result = Profiles.profile(config().build());

        MigrationResult failed = result.failures().get(0);
        assertThat(failed.id()).isEqualTo("03-broken");
        assertThat(failed.statements()).hasSize(3);
        assertThat(failed.error().sqlState()).isEqualTo("42703");
        assertThat(failed.error().message()).isEqualTo("column \"nope\" of relation \"items\" does not exist");
        assertThat(failed.error().line()).isEqualTo(6);
        assertThat(failed.failureSummary())
                .isEqualTo("src/main/resources/db/changelog/changes/03-index.sql:6 (changeset '03-broken' by dev, line 6): SQLSTATE 42703: "
                        + "column \"nope\" of relation \"items\" does not exist");
        assertThat(result.migrations()).extracting(MigrationResult::id).containsExactly("01-table", "02-data", "03-broken");
    }

    @Test
    void aChangesetAlteringDatabasechangelogStopsNoPassAndAnEmptyParameterIsAnEmptyString() {
        write(resources.resolve("db/changelog/own.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="1" author="dev"><sql>CREATE TABLE ${prefix}items (id int PRIMARY KEY, title text)</sql></changeSet>
                    <changeSet id="2" author="dev">
                        <sql>ALTER TABLE databasechangelog ADD COLUMN note text; ALTER TABLE databasechangelog ALTER COLUMN id TYPE varchar(300)</sql>
                    </changeSet>
                    <changeSet id="3" author="dev"><sql>UPDATE items SET title = 'x' WHERE id &lt; 100</sql></changeSet>
                    <changeSet id="4" author="dev"><sql>CREATE INDEX items_title ON items (title)</sql></changeSet>
                </databaseChangeLog>
                """);
        Map<String, String> emptyPrefix = new java.util.HashMap<>();
        emptyPrefix.put("prefix", null); // Maven's value for <prefix></prefix>

        RunResult result = Profiles.profile(config().changelog(resources.resolve("db/changelog/own.xml"))
                .changelogParameters(emptyPrefix).seed(SeedOptions.parse("1000", 1, 0.1, Map.of()))
                .traffic(new TrafficOptions(true, 4, 50, Duration.ZERO)).build()); // for every migration that blocks traffic

        assertThat(result.migrations()).extracting(MigrationResult::id).containsExactly("1", "2", "3", "4");
        assertThat(result.migrations()).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(Status.PASSED);
            assertThat(m.warnings()).as(m.id()).noneMatch(w -> w.contains("instrumented pass"));
            assertThat(m.instrumentedMillis()).as("clean timing of " + m.id()).isNotNull();
        });
        assertThat(result.migrations().get(3).traffic()).as("traffic after the DATABASECHANGELOG change").isNotNull();
    }

    @Test
    void aRepeatedYamlKeyIsSaidOnceInThePluginsWords() {
        write(resources.resolve("db/changelog/twice.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: dev
                      changes:
                        - sql:
                            sql: CREATE TABLE first_value (id int)
                            sql: CREATE TABLE last_value (id int)
                """);
        List<String> warnings = new java.util.ArrayList<>();
        ProfilerLog log = new ProfilerLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { }
            @Override public void warn(String message) { warnings.add(message); }
        };

        RunResult result = Profiles.profile(config().changelog(resources.resolve("db/changelog/twice.yaml")).build(), log);

        assertThat(result.migrations().get(0).statements()).extracting(StatementResult::sql)
                .containsExactly("CREATE TABLE last_value (id int)");
        assertThat(warnings).filteredOn(w -> w.contains("repeats the key")).singleElement().asString()
                .contains("db/changelog/twice.yaml").contains("'sql'").contains("the last value counts");
    }

    @Test
    void aMissingChangelogIsAClearError() {
        assertThatThrownBy(() -> Profiles.profile(config().changelog(Path.of("nope.xml")).build()))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("Liquibase changelog not found: ")
                .hasMessageContaining("nope.xml");
    }

    @Test
    void aChangelogThatDoesNotParseIsAClearError() {
        write(resources.resolve("db/changelog/changes/01-table.yaml"), "databaseChangeLog:\n  - changeSet: [unclosed\n");

        assertThatThrownBy(() -> Profiles.profile(config().build()))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("cannot be read");
    }
}
