package io.github.migrationprofiler.result;

import org.junit.jupiter.api.Test;

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
}
