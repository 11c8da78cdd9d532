package io.github.migrationprofiler.seed;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's date templates as Java formatters: what to_timestamp reads back. */
class PgDateFormatTest {

    private static final LocalDateTime AT = LocalDateTime.of(2024, 3, 7, 14, 5, 9, 123_000_000);

    @Test
    void numericFieldsQuotedTextAndPunctuationAreWrittenAsTheTemplateSays() {
        assertThat(PgDateFormat.toJava("YYYY-MM-DD\"T\"HH24:MI:SS.MS").format(AT)).isEqualTo("2024-03-07T14:05:09.123");
        assertThat(PgDateFormat.toJava("DD/MM/YYYY").format(AT)).isEqualTo("07/03/2024");
        assertThat(PgDateFormat.toJava("yyyymmdd").format(AT)).as("fields in any case").isEqualTo("20240307");
    }

    @Test
    void aTemplateWithNamesOrZonesGivesNone() {
        assertThat(PgDateFormat.toJava("DD Mon YYYY")).isNull();
        assertThat(PgDateFormat.toJava("YYYY-MM-DD HH24:MI:SS TZH")).isNull();
    }
}
