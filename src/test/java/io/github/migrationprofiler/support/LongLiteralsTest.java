package io.github.migrationprofiler.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LongLiteralsTest {

    private static final String LONG = "x".repeat(LongLiterals.MAX + 1);

    @Test
    void aLongLiteralIsEmptiedAndTheRestStaysAsWritten() {
        String sql = "INSERT INTO blobs (id, body) VALUES (1, '" + LONG + "'), (2, 'short');\nUPDATE t SET a = 'b';";

        assertThat(LongLiterals.emptied(sql)).isEqualTo("INSERT INTO blobs (id, body) VALUES (1, ''), (2, 'short');\nUPDATE t SET a = 'b';");
    }

    @Test
    void textWithoutALongLiteralIsReturnedAsItIs() {
        String sql = "SELECT 'it''s' -- don't\n/* it's */ FROM t";

        assertThat(LongLiterals.emptied(sql)).isSameAs(sql);
    }

    @Test
    void lineBreaksInsideAnEmptiedLiteralStaySoLinesKeepTheirNumbers() {
        String sql = "INSERT INTO t VALUES ('" + LONG + "\n" + LONG + "');\nSELECT 1;";

        assertThat(LongLiterals.emptied(sql)).isEqualTo("INSERT INTO t VALUES ('\n');\nSELECT 1;");
    }

    @Test
    void quotesInCommentsAndDoubledQuotesAndBackslashEscapesPairAsPostgresPairsThem() {
        String doubled = "'" + LONG + "''" + LONG + "'";
        String escaped = "E'" + LONG + "\\'" + LONG + "'";
        String sql = "-- don't\nSELECT " + doubled + ", " + escaped + ", 'kept' /* isn't */;";

        assertThat(LongLiterals.emptied(sql)).isEqualTo("-- don't\nSELECT '', E'', 'kept' /* isn't */;");
    }

    @Test
    void anUnclosedLongLiteralIsEmptiedToTheEnd() {
        assertThat(LongLiterals.emptied("SELECT '" + LONG)).isEqualTo("SELECT '");
    }
}
