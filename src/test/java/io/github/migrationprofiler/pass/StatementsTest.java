package io.github.migrationprofiler.pass;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsTest {

    @Test
    void rowsListedInTheStatementAreToldFromRowsItSelects() {
        assertThat(Statements.insertsValues("-- reference data\nINSERT INTO app.\"Country\" (id, code) VALUES (1, 'DE')")).isTrue();
        assertThat(Statements.insertsValues("insert into country values (1, 'DE') on conflict do nothing")).isTrue();
        assertThat(Statements.insertsValues("INSERT INTO country (id, code) SELECT id, code FROM staging")).isFalse();
        assertThat(Statements.insertsValues("UPDATE country SET code = 'DE'")).isFalse();
        assertThat(Statements.insertsValues("/* VALUES */ CREATE TABLE t (id int)")).isFalse();
    }

    @Test
    void theCodeStartsAfterLeadingCommentsAndBlanks() {
        assertThat(Statements.codeStart("  -- a\n/* b */ SELECT 1")).isEqualTo(15);
        assertThat(Statements.codeStart("-- only a comment")).isZero();
    }
}
