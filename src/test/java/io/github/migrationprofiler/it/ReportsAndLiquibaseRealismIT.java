package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every outcome leaves a report, and Liquibase changelogs behave as in production: changesets for
 * other databases, contexts and preconditions are reported as skipped, a custom change whose class
 * is missing says what to add (and only if its changeset runs), locations are the physical files.
 */
class ReportsAndLiquibaseRealismIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    private ProfilerConfig.Builder liquibase(String changelog) {
        write(project.resolve("src/main/resources/db/master.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                %s
                </databaseChangeLog>
                """.formatted(changelog));
        return server.config(project).changelog(Path.of("src/main/resources/db/master.xml"))
                .searchPath(List.of(project.resolve("src/main/resources"))).seed(SeedOptions.parse("500", 1, 0.1, Map.of()));
    }

    @Test
    void aChangelogThatCannotBeReadStillLeavesEveryReport() throws Exception {
        ProfilerConfig config = server.config(project).changelog(Path.of("src/main/resources/db/missing.xml")).build();

        assertThatThrownBy(() -> Profiles.profile(config)).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("Liquibase changelog not found");

        assertReportsOfAStoppedRun("configuration", "Liquibase changelog not found");
    }

    @Test
    void anEmptyChangelogParameterNamesTheDirectoryItResolvesTo() throws Exception {
        ProfilerConfig config = server.config(project).changelog(Path.of("")).build();

        assertThatThrownBy(() -> Profiles.profile(config)).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("migration-profiler.changelog names a directory, not a changelog file");

        assertReportsOfAStoppedRun("configuration", "names a directory");
    }

    @Test
    void anEngineThatDoesNotStartStillLeavesEveryReport() throws Exception {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        ProfilerConfig config = server.config(project).sqlDirectory(project.resolve("db")).engine(EngineKind.DOCKER)
                .docker(DockerOptions.DEFAULTS.withDockerHost("unix:///tmp/no-docker-daemon-here.sock")).build();

        assertThatThrownBy(() -> Profiles.profile(config)).isInstanceOf(ProfilerException.class);

        assertReportsOfAStoppedRun("engine", "Docker");
    }

    private void assertReportsOfAStoppedRun(String stage, String message) throws Exception {
        Path out = project.resolve("target/migration-profiler");
        RunResult result = ResultsJson.read(out.resolve("results.json"));
        assertThat(result.error().stage()).isEqualTo(stage);
        assertThat(result.error().message()).contains(message);
        String stopped = stage.equals("configuration") ? "Configuration error, nothing ran: " : "The run stopped during " + stage;
        assertThat(Files.readString(out.resolve("summary.md"))).contains("FAILED", stopped);
        assertThat(Files.readString(out.resolve("report.html"))).contains(stopped);
        Path xml = project.resolve("target/migration-profiler-reports/TEST-migration-profiler.xml");
        assertThat(Files.readString(xml)).contains("<testcase name=\"" + stage + "\"", "<error message=", "errors=\"1\"");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/surefire-test-report.xsd")))
                .newValidator().validate(new StreamSource(xml.toFile()));
    }

    @Test
    void skippedChangesetsAreReportedWithLiquibasesReasonAndTheLogicalPathPointsAtTheFile() {
        RunResult result = Profiles.profile(liquibase("""
                    <changeSet id="1" author="a"><createTable tableName="t"><column name="id" type="int"/>
                        <column name="stamp" type="text"/></createTable></changeSet>
                    <changeSet id="2" author="a" dbms="mssql"><sql>SELECT 1 FROM sys.tables</sql></changeSet>
                    <changeSet id="3" author="a"><sql dbms="oracle">SELECT 1 FROM dual</sql></changeSet>
                    <changeSet id="4" author="a" context="legacy"><customChange class="com.example.NotOnTheClasspath"/></changeSet>
                    <changeSet id="5" author="a" logicalFilePath="com/example/logical.xml">
                        <addColumn tableName="t"><column name="x" type="int"/></addColumn></changeSet>
                    <changeSet id="6" author="a">
                        <customChange class="io.github.migrationprofiler.it.custom.StampRows"><param name="table" value="t"/></customChange>
                    </changeSet>
                """).contexts("prod").build());

        assertThat(result.failures()).isEmpty();
        assertThat(result.migrations()).extracting(MigrationResult::id, MigrationResult::status, MigrationResult::skipped)
                .containsExactly(tuple("1", Status.PASSED, null),
                        tuple("2", Status.SKIPPED, "Database 'postgresql' does not match 'mssql'"),
                        tuple("3", Status.SKIPPED, "none of its changes applies to postgresql"),
                        tuple("4", Status.SKIPPED, "Context does not match 'prod'"),
                        tuple("5", Status.PASSED, null),
                        tuple("6", Status.PASSED, null));
        MigrationResult logical = result.migrations().get(4);
        assertThat(logical.source()).isEqualTo("src/main/resources/db/master.xml");
        assertThat(logical.line()).isEqualTo(10);
        assertThat(result.migrations().get(5).rowsAffected()).isEqualTo(500); // the custom change ran, on the seeded rows
        assertThat(result.totals().skipped()).isEqualTo(3);
    }

    @Test
    void aCustomChangeClassThatIsMissingIsNamedWithTheFix() throws Exception {
        ProfilerConfig config = liquibase("""
                    <changeSet id="1" author="a"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
                    <changeSet id="2" author="a"><customChange class="com.example.migration.Backfill"/></changeSet>
                """).build();

        assertThatThrownBy(() -> Profiles.profile(config))
                .hasMessageContaining("customChange class com.example.migration.Backfill is not on the plugin's classpath")
                .hasMessageContaining("db/master.xml::2::a")
                .hasMessageContaining("Add the jar that holds it as a <dependency> of migration-profiler-maven-plugin");
        assertThat(ResultsJson.read(project.resolve("target/migration-profiler/results.json")).error().message())
                .contains("com.example.migration.Backfill");
    }

    @Test
    void aCustomChangeThatNeedsTheApplicationIsNamedAndCanBeSkipped() {
        String changesets = """
                    <changeSet id="1" author="a"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
                    <changeSet id="2" author="a"><customChange class="io.github.migrationprofiler.it.custom.NeedsTheApplication"/></changeSet>
                    <changeSet id="3" author="a"><addColumn tableName="t"><column name="note" type="text"/></addColumn></changeSet>
                """;

        RunResult failing = Profiles.profile(liquibase(changesets).build());
        RunResult skipping = Profiles.profile(liquibase(changesets).skipCustomChanges(List.of("io.github.migrationprofiler.it.custom.*"))
                .build());

        assertThat(failing.failures()).singleElement().satisfies(m -> assertThat(m.failureSummary())
                .contains("custom change io.github.migrationprofiler.it.custom.NeedsTheApplication in changeset a:2 failed")
                .contains("Thread bound session is null")
                .contains("migration-profiler.skipCustomChanges=io.github.migrationprofiler.it.custom.NeedsTheApplication"));
        assertThat(skipping.migrations()).extracting(MigrationResult::id, MigrationResult::status)
                .containsExactly(tuple("1", Status.PASSED), tuple("2", Status.SKIPPED), tuple("3", Status.PASSED));
        assertThat(skipping.migrations().get(1).skipped())
                .isEqualTo("custom change io.github.migrationprofiler.it.custom.NeedsTheApplication skipped (migration-profiler.skipCustomChanges)");
    }

    @Test
    void aCustomChangeThatCannotBeSetUpOutsideTheApplicationIsNamedWithItsChangeset() {
        String changesets = """
                    <changeSet id="1" author="a"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
                    <changeSet id="2" author="a"><customChange class="io.github.migrationprofiler.it.custom.NeedsTheSession"/></changeSet>
                """;

        assertThatThrownBy(() -> Profiles.profile(liquibase(changesets).build()))
                .hasMessageContaining("customChange class io.github.migrationprofiler.it.custom.NeedsTheSession failed to set up: "
                        + "Thread bound session is null")
                .hasMessageContaining("migration-profiler.skipCustomChanges=io.github.migrationprofiler.it.custom.NeedsTheSession")
                .hasMessageContaining("db/master.xml::2::a");
        assertThat(Profiles.profile(liquibase(changesets).skipCustomChanges(List.of("a:2")).build()).migrations())
                .extracting(MigrationResult::id, MigrationResult::status)
                .containsExactly(tuple("1", Status.PASSED), tuple("2", Status.SKIPPED));
    }

    @Test
    void severalPassesRunLiquibaseOnceForEachSetOfContexts() {
        RunResult result = Profiles.profile(liquibase("""
                    <changeSet id="1" author="a" context="initial"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
                    <changeSet id="2" author="a" context="!initial"><addColumn tableName="t"><column name="x" type="int"/></addColumn></changeSet>
                    <changeSet id="3" author="a" context="never"><sql>SELECT 1</sql></changeSet>
                """).contexts("app, initial; app").build());

        assertThat(result.migrations()).extracting(MigrationResult::id, MigrationResult::status)
                .containsExactly(tuple("1", Status.PASSED), tuple("2", Status.PASSED), tuple("3", Status.SKIPPED));
        assertThat(result.migrations().get(2).skipped()).contains("'app,initial'").contains("'app'");
    }
}
