package io.github.migrationprofiler.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTextTest {

    private final SourceText text = new SourceText("""
            --changeset a:1
            UPDATE t SET x = 1;
            UPDATE t SET x = 1;
            ALTER   TABLE t
              ADD COLUMN y int;""");

    @Test
    void findsAStatementFromTheCursorOnwards() {
        assertThat(text.find("UPDATE t SET x = 1", 1)).isEqualTo(2);
        assertThat(text.find("UPDATE t SET x = 1", 3)).isEqualTo(3);
    }

    @Test
    void foldsWhiteSpace() {
        assertThat(text.find("ALTER TABLE t\nADD COLUMN y int", 1)).isEqualTo(4);
    }

    @Test
    void generatedSqlStaysAtTheCursor() {
        assertThat(text.find("CREATE TABLE public.t (id BIGINT)", 2)).isEqualTo(2);
    }

    @Test
    void aStatementIsNotMistakenForOneThatBeginsAlike() {
        SourceText file = new SourceText("""
                DO $$
                BEGIN
                  UPDATE items SET title = upper(title);
                END $$;

                UPDATE items
                   SET title = title || '!';
                """);

        assertThat(file.find("UPDATE items\n   SET title = title || '!'", 1)).isEqualTo(6);
    }

    @Test
    void twoStatementsOnOneLine() {
        SourceText file = new SourceText("\n\nSELECT 1; SELECT 2;\n");

        assertThat(file.find("SELECT 2", 1)).isEqualTo(3);
    }
}
