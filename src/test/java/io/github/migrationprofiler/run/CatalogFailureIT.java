package io.github.migrationprofiler.run;

import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.it.TestPostgres;
import io.github.migrationprofiler.report.ResultsSchema;
import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A catalog read that fails reads as what it is in results.json: a named warning, not "nothing found". */
class CatalogFailureIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    @Test
    void aFailedForeignKeyReadIsAWarningOfTheMigrationInResultsJson() throws Exception {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__parents.sql"), "CREATE TABLE parents (id bigint PRIMARY KEY);\n");
        Files.writeString(project.resolve("db/V2__children.sql"),
                "CREATE TABLE children (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents);\n");
        ForeignKeyGaps failing = new ForeignKeyGaps() {
            @Override
            public Map<String, ForeignKeyGap> read(Connection connection) throws SQLException {
                throw new SQLException("canceling statement due to statement timeout");
            }
        };

        RunResult result = new ProfileRun(ProfilerLog.SILENT, failing).run(server.config(project).sqlDirectory(project.resolve("db"))
                .migrations(List.of("V2__*")).seed(SeedOptions.parse("100", 7, 0.1, Map.of())).build());

        MigrationResult children = result.migrations().get(0);
        assertThat(children.findings()).as("the rule could not be applied").noneMatch(f -> f.rule().id().equals("foreign-key-without-index"));
        assertThat(children.warnings()).singleElement().asString().startsWith("foreign-key-without-index was not checked")
                .contains("canceling statement due to statement timeout");
        Path json = project.resolve("target/migration-profiler/results.json");
        assertThat(Files.readString(json)).contains("foreign-key-without-index was not checked");
        ResultsSchema.assertValid(json);
    }
}
