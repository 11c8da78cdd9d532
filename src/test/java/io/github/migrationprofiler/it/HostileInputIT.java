package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.StatementsOmitted;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What real repositories contain: a statement of megabytes, thousands of statements in one file,
 * a file in Latin-1, an empty file. Each profiles, or fails saying where, and leaves its reports.
 * How the time grows with the size is the scan benchmark's to print (src/bench), not a test's.
 */
class HostileInputIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    private ProfilerConfig.Builder config() {
        return server.config(project).sqlDirectory(project.resolve("db")).seed(SeedOptions.parse("1000", 7, 0.1, Map.of()));
    }

    @Test
    void aStatementOfMegabytesProfilesAndItsTextIsCutInTheReports() throws IOException {
        write(project.resolve("db/V1__blobs.sql"), "CREATE TABLE blobs (id bigserial PRIMARY KEY, body text NOT NULL);\n");
        write(project.resolve("db/V2__big.sql"), "INSERT INTO blobs (body) VALUES ('" + "x".repeat(5_000_000) + "');\n");

        RunResult result = Profiles.profile(config().build());

        MigrationResult big = result.migrations().get(1);
        assertThat(big.status()).isEqualTo(Status.PASSED);
        assertThat(big.rowsAffected()).isEqualTo(1);
        RunResult written = ResultsJson.read(project.resolve("target/migration-profiler/results.json"));
        assertThat(written.migrations().get(1).statements().get(0).sql()).matches("(?s)INSERT INTO blobs \\(body\\) VALUES \\('x+… \\(4,996,03\\d more characters\\)");
        assertThat(Files.size(project.resolve("target/migration-profiler/report.html"))).isLessThan(100_000);
    }

    @Test
    void thousandsOfStatementsProfileAndTheReportsListTheNotableOnesAndSumTheRest() {
        write(project.resolve("db/V1__country.sql"), "CREATE TABLE country (id int PRIMARY KEY, code text NOT NULL);\n");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            rows.append("INSERT INTO country (id, code) VALUES (").append(-1 - i).append(", 'C").append(i).append("');\n");
        }
        rows.append("CREATE INDEX country_code ON country (code);\n");
        write(project.resolve("db/V2__countries.sql"), rows.toString());

        RunResult result = Profiles.profile(config().build());

        MigrationResult countries = result.migrations().get(1);
        assertThat(countries.status()).isEqualTo(Status.PASSED);
        assertThat(countries.statements()).as("everything was measured").hasSize(3_001);
        assertThat(countries.statements().get(3_000).work()).as("the index build was watched as closely as ever").isNotEmpty();
        MigrationResult written = ResultsJson.read(project.resolve("target/migration-profiler/results.json")).migrations().get(1);
        assertThat(written.statements()).hasSize(100)
                .anySatisfy(s -> assertThat(s.sql()).startsWith("CREATE INDEX country_code"));
        StatementsOmitted omitted = written.omitted();
        assertThat(omitted.count()).isEqualTo(2_901);
        assertThat(omitted.rows()).isEqualTo(2_901);
    }

    @Test
    void aLatin1FileProfilesWhenTheProjectSaysLatin1() {
        latin1Migrations();

        RunResult result = Profiles.profile(config().encoding(StandardCharsets.ISO_8859_1).build());

        assertThat(result.migrations()).allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        assertThat(result.migrations().get(1).statements().get(0).sql()).contains("'Café crème'");
    }

    @Test
    void aLatin1FileReadAsUtf8FailsWithFileAndLineAndLeavesTheReports() {
        latin1Migrations();

        assertThatThrownBy(() -> Profiles.profile(config().build()))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("V2__menu.sql:2: the bytes 0xE9 are not valid UTF-8");
        assertThat(project.resolve("target/migration-profiler/summary.md")).content().contains("V2__menu.sql:2");
        assertThat(ResultsJson.read(project.resolve("target/migration-profiler/results.json")).error()).isNotNull();
    }

    @Test
    void anEmptyFileIsReportedNotPassedInSilence() {
        write(project.resolve("db/V1__t.sql"), "CREATE TABLE t (id int);\n");
        write(project.resolve("db/V2__nothing.sql"), "");

        RunResult result = Profiles.profile(config().build());

        assertThat(result.migrations().get(1).findings()).extracting(Finding::rule).containsExactly(RuleId.EMPTY_MIGRATION);
    }

    private void latin1Migrations() {
        write(project.resolve("db/V1__cafe.sql"), "CREATE TABLE cafe (id int PRIMARY KEY, name text NOT NULL);\n");
        try {
            Files.write(project.resolve("db/V2__menu.sql"), "-- the menu\nINSERT INTO cafe VALUES (-1, 'Café crème');\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
