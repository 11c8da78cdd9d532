package io.github.migrationprofiler.source;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFileOrderTest {

    @Test
    void versionsSortNumericallyThenTheRestByName() {
        List<String> sorted = Stream.of("V10__ten.sql", "b.sql", "V2__two.sql", "V1.1__one_one.sql", "V1__one.sql",
                        "R__view.sql", "V1_2__one_two.sql", "a.sql")
                .map(Path::of).sorted(SqlFileOrder.ORDER).map(Path::toString).toList();

        assertThat(sorted).containsExactly("V1__one.sql", "V1.1__one_one.sql", "V1_2__one_two.sql", "V2__two.sql",
                "V10__ten.sql", "R__view.sql", "a.sql", "b.sql");
    }

    @Test
    void trailingZerosDoNotMakeANewVersion() {
        assertThat(SqlFileOrder.version(Path.of("V1.0__x.sql"))).isEqualTo(SqlFileOrder.version(Path.of("V1__y.sql")));
        assertThat(SqlFileOrder.version(Path.of("V2_10__x.sql"))).contains(List.of(BigInteger.TWO, BigInteger.TEN));
        assertThat(SqlFileOrder.version(Path.of("notes.sql"))).isEmpty();
    }
}
