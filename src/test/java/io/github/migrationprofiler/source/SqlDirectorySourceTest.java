package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlDirectorySourceTest {

    @TempDir
    Path project;

    @Test
    void listsSqlFilesRecursivelyInVersionOrder() throws IOException {
        Path dir = Files.createDirectories(project.resolve("db/migration/sub"));
        Files.writeString(dir.getParent().resolve("V2__b.sql"), "SELECT 2;");
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("README.md"), "not a migration");

        SqlDirectorySource source = new SqlDirectorySource(dir.getParent(), project, StandardCharsets.UTF_8);

        assertThat(source.migrations()).containsExactly(
                new Migration("V1__a.sql", null, "db/migration/sub/V1__a.sql", 1),
                new Migration("V2__b.sql", null, "db/migration/V2__b.sql", 1));
    }

    @Test
    void missingDirectoryIsAClearError() {
        assertThatThrownBy(() -> new SqlDirectorySource(project.resolve("nope"), project, StandardCharsets.UTF_8))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("SQL migration directory not found")
                .hasMessageContaining("migration-profiler.sqlDirectory");
    }

    @Test
    void duplicateVersionsAreRefused() throws IOException {
        Path dir = Files.createDirectories(project.resolve("m"));
        Files.writeString(dir.resolve("V1__a.sql"), "");
        Files.writeString(dir.resolve("V1.0__b.sql"), "");

        assertThatThrownBy(() -> new SqlDirectorySource(dir, project, StandardCharsets.UTF_8))
                .hasMessageContaining("share one version").hasMessageContaining("V1__a.sql").hasMessageContaining("V1.0__b.sql");
    }
}
