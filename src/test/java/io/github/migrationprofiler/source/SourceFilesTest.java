package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFilesTest {

    private static final byte[] LATIN_1 = "-- menu\nINSERT INTO cafe VALUES ('Café crème');\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aFileIsReadInTheEncodingItIsWrittenIn() {
        assertThat(SourceFiles.decode(LATIN_1, StandardCharsets.ISO_8859_1, "db/V2__menu.sql")).contains("'Café crème'");
    }

    @Test
    void bytesNotValidInTheEncodingFailWithFileLineAndBytesNeverAReplacement() {
        assertThatThrownBy(() -> SourceFiles.decode(LATIN_1, StandardCharsets.UTF_8, "db/V2__menu.sql"))
                .isInstanceOf(ProfilerException.class)
                .hasMessageStartingWith("db/V2__menu.sql:2: the bytes 0xE9 are not valid UTF-8")
                .hasMessageContaining("project.build.sourceEncoding");
    }
}
