package io.github.migrationprofiler.result;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationResultTest {

    @Test
    void failureSummaryNamesFileMigrationLineAndServerError() {
        MigrationResult changeset = new MigrationResult("7-bad", "alice", "db/changes.yaml", 12, Status.FAILED, 1.5, 0,
                List.of(), new SqlError("42P01", "relation \"nope\" does not exist", 14), List.of(), null, List.of(), null, List.of(), null);
        MigrationResult file = new MigrationResult("V2__bad.sql", null, "db/migration/V2__bad.sql", 1, Status.FAILED, 1.5, 0,
                List.of(), new SqlError("42601", "syntax error at or near \"TABEL\"", 3), List.of(), null, List.of(), null, List.of(), null);

        assertThat(changeset.failureSummary())
                .isEqualTo("db/changes.yaml:14 (changeset '7-bad' by alice, line 14): SQLSTATE 42P01: relation \"nope\" does not exist");
        assertThat(file.failureSummary())
                .isEqualTo("db/migration/V2__bad.sql:3 (file V2__bad.sql, line 3): SQLSTATE 42601: syntax error at or near \"TABEL\"");
    }

    @Test
    void aLongMigrationShowsItsNotableAndSlowestStatementsInOrderAndSumsTheRest() {
        List<StatementResult> statements = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            statements.add(statement("INSERT INTO country VALUES (" + i + ")", i + 1, i == 500 ? 90.0 : 0.5, List.of()));
        }
        statements.set(10, statement("CREATE INDEX ON country (code)", 11, 0.1, List.of(new Work(Work.Kind.INDEX_BUILD, "country", "i"))));
        statements.add(statement("SELECT '" + "x".repeat(10_000) + "'", 1_001, 0.2, List.of()));
        MigrationResult migration = new MigrationResult("V2__countries.sql", null, "db/V2__countries.sql", 1, Status.PASSED,
                600, 1_000, statements, null, List.of(), null, List.of(), null, List.of(), null);

        MigrationResult shown = migration.showingStatements(3);

        assertThat(shown.statements()).extracting(StatementResult::line).containsExactly(1, 11, 501);
        assertThat(shown.omitted()).isEqualTo(new StatementsOmitted(998, 498.7, 997));
        assertThat(migration.showingStatements(0).statements()).hasSize(1_001)
                .last().satisfies(s -> assertThat(s.sql()).hasSize(MigrationResult.SQL_SHOWN + "… (6,009 more characters)".length()));
        assertThat(migration.showingStatements(0).omitted()).isNull();
    }

    private static StatementResult statement(String sql, int line, double millis, List<Work> work) {
        return new StatementResult(sql, line, millis, sql.startsWith("INSERT") ? 1 : 0, null, 1, "0", "0", List.of(), List.of(), null,
                List.of(), work);
    }
}
