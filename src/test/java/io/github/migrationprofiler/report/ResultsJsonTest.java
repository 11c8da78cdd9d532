package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsJsonTest {

    @TempDir
    Path dir;

    private final RunResult result = RunResult.of("2026-11-23T10:00:00Z", new RunResult.Engine("embedded", "17.6", null),
            "test_migration_20261123_100000_abcdef", "SQL directory db (2 files)", new Profile(List.of("V1__base.sql"), List.of(
                    new MigrationResult("V2__ok.sql", null, "db/V2__ok.sql", 1, Status.PASSED, 12.5, 3,
                            List.of(StatementResult.of("UPDATE t SET x = 1", 2, 12.25, 3, null)), null, List.of("a warning"), Kind.SMALL, List.of(), Verdict.OK, List.of(), null),
                    new MigrationResult("V3__bad.sql", null, "db/V3__bad.sql", 1, Status.FAILED, 0.5, 0,
                            List.of(), new SqlError("42P01", "relation \"x\" does not exist", 4), List.of(), Kind.SMALL,
                            List.of(new Finding(RuleId.TABLE_REWRITE, Severity.ERROR, "rewrote t", "do not")), Verdict.FAILED, List.of("SQL error"), null))), null);

    @Test
    void writesTheDocumentedFieldsAndTotals() throws IOException {
        Path file = ResultsJson.write(result, dir.resolve("out"));

        String json = Files.readString(file);
        assertThat(file.getFileName().toString()).isEqualTo("results.json");
        assertThat(json).contains("\"schemaVersion\" : 3", "\"kind\" : \"embedded\"", "\"serverVersion\" : \"17.6\"",
                "\"baseline\" : [ \"V1__base.sql\" ]", "\"status\" : \"FAILED\"", "\"sqlState\" : \"42P01\"",
                "\"rowsAffected\" : 3", "\"totals\"", "\"warnings\" : [ \"a warning\" ]", "\"kind\" : \"SMALL\"", "\"severity\" : \"error\"");
        assertThat(json).doesNotContain("\"author\" : null", "failureSummary", "\"failed\" : true", "\"warnings\" : [ ]", "\"seed\"");
        assertThat(result.totals()).isEqualTo(new RunResult.Totals(13.0, 2, 1, 0));
    }

    @Test
    void readsBackWhatItWrote() {
        Path file = ResultsJson.write(result, dir);

        assertThat(ResultsJson.read(file)).isEqualTo(result);
    }

    @Test
    void whatItWritesFollowsThePublishedSchema() {
        ResultsSchema.assertValid(ResultsJson.write(result, dir));
        ResultsSchema.assertValid(ResultsJson.write(Runs.everyVerdict(), dir.resolve("sample")));
    }

    @Test
    void aFieldTheSchemaDoesNotKnowFailsTheCheck() throws IOException {
        Path file = ResultsJson.write(result, dir);
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 3, \"renamed\" : 1"));

        assertThatThrownBy(() -> ResultsSchema.assertValid(file)).isInstanceOf(AssertionError.class).hasMessageContaining("renamed");
    }
}
