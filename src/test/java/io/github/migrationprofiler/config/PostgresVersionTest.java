package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresVersionTest {

    @Test
    void theMajorAskedForWinsOverProductions() {
        assertThat(PostgresVersion.choose(14, "16.2")).isEqualTo(new PostgresVersion(14, "postgresVersion=14"));
    }

    @Test
    void elseProductionsMajorFromItsServerVersion() {
        PostgresVersion version = PostgresVersion.choose(null, "15.4 (Debian 15.4-1.pgdg120+1)");

        assertThat(version.major()).isEqualTo(15);
        assertThat(version.reason()).isEqualTo("production's (statistics file: PostgreSQL 15.4 (Debian 15.4-1.pgdg120+1))");
        assertThat(version.officialImage()).isEqualTo("postgres:15");
        assertThat(PostgresVersion.choose(null, "16beta2").major()).isEqualTo(16);
    }

    @Test
    void elseTheDefaultSayingWhy() {
        assertThat(PostgresVersion.choose(null, null))
                .isEqualTo(new PostgresVersion(17, "the default (no postgresVersion, no statistics file)"));
        assertThat(PostgresVersion.choose(null, "11.22").reason())
                .isEqualTo("the default (production's PostgreSQL 11.22 is not one of 13, 14, 15, 16, 17, 18)");
    }

    @Test
    void aMatrixListsTwoMajorsOrMoreOnce() {
        assertThat(PostgresVersion.matrix(null, null)).isEmpty();
        assertThat(PostgresVersion.matrix(" 14, 17,14 ", null)).containsExactly(14, 17);
        assertThatThrownBy(() -> PostgresVersion.matrix("15", null)).hasMessageContaining("needs two majors or more");
        assertThatThrownBy(() -> PostgresVersion.matrix("14;17", null)).hasMessageContaining("not '14;17'");
        assertThatThrownBy(() -> PostgresVersion.matrix("14,17", 15)).hasMessageContaining("not both");
        assertThatThrownBy(() -> PostgresVersion.matrix("9,17", null)).hasMessageContaining("not 9");
    }

    @Test
    void aMajorNoEngineHasIsAnErrorNamingThoseThatAre() {
        assertThatThrownBy(() -> PostgresVersion.check(12)).isInstanceOf(ProfilerException.class)
                .hasMessage("migration-profiler.postgresVersion must be a PostgreSQL major of 13, 14, 15, 16, 17, 18, not 12");
        assertThat(PostgresVersion.embeddedBinaries(15)).isEqualTo("15.14.0");
        assertThat(PostgresVersion.majorOf("no version")).isNull();
    }
}
