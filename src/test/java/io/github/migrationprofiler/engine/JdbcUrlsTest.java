package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTest {

    @Test
    void swapsTheDatabaseKeepingHostAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5433/app?sslmode=require", "scratch"))
                .isEqualTo("jdbc:postgresql://db:5433/scratch?sslmode=require");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/", "s")).isEqualTo("jdbc:postgresql://a:1,b:2/s");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost", "s")).isEqualTo("jdbc:postgresql://localhost/s");
    }

    @Test
    void readsTheDatabaseDefaultingToPostgres() {
        assertThat(JdbcUrls.database("jdbc:postgresql://h/app?x=1")).isEqualTo("app");
        assertThat(JdbcUrls.database("jdbc:postgresql://h")).isEqualTo("postgres");
    }

    @Test
    void masksPasswordsInMessages() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
    }

    @Test
    void rejectsOtherUrlsClearly() {
        assertThatThrownBy(() -> JdbcUrls.database("jdbc:mysql://h/db"))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("jdbc:postgresql://host:5432/postgres");
    }
}
