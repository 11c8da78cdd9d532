package io.github.migrationprofiler.source;

import io.github.migrationprofiler.config.FlywayOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's configuration is found where Flyway users keep it, the first place that has one winning. */
class FlywaySettingsTest {

    @TempDir
    Path project;

    private FlywaySettings find(FlywayOptions options) {
        return FlywaySettings.find(project, project.resolve("src/main/resources/db/migration"), options);
    }

    private void write(String file, String text) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void noConfigurationAnywhereIsNone() {
        assertThat(find(FlywayOptions.NONE)).isNull();
    }

    @Test
    void thePluginsOwnBlockWinsOverEveryFile() throws IOException {
        write("flyway.conf", "flyway.locations=filesystem:sql\n");

        FlywaySettings settings = find(new FlywayOptions(Map.of("placeholders.owner", "app"), Map.of(), List.of(), List.of()));

        assertThat(settings.origin()).isEqualTo("the plugin's <flyway> configuration");
        assertThat(settings.properties()).containsExactly(Map.entry("flyway.placeholders.owner", "app"));
    }

    @Test
    void flywayTomlTablesBecomeFlywayProperties() throws IOException {
        write("flyway.toml", """
                [environments.default]
                url = "jdbc:postgresql://prod/db"

                [flyway]
                locations = ["filesystem:sql", "classpath:db/extra"] # two of them
                mixed = true

                [flyway.placeholders]
                owner = "app"
                """);

        FlywaySettings settings = find(FlywayOptions.NONE);

        assertThat(settings.origin()).isEqualTo("flyway.toml");
        assertThat(settings.properties()).containsOnly(Map.entry("flyway.locations", "filesystem:sql,classpath:db/extra"),
                Map.entry("flyway.mixed", "true"), Map.entry("flyway.placeholders.owner", "app"));
    }

    @Test
    void springBootsRelaxedNamesAndProfilesAreFlywaysNames() throws IOException {
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    locations: classpath:db/{vendor}
                    baseline-on-migrate: true
                    placeholders:
                      table-prefix: app_
                ---
                spring:
                  config.activate.on-profile: test
                  flyway.locations: classpath:db/testdata
                """);
        write("src/main/resources/application-prod.properties", "spring.flyway.postgresql.transactional-lock=false\n");

        FlywaySettings settings = find(new FlywayOptions(Map.of(), Map.of(), List.of("prod"), List.of()));

        assertThat(settings.origin()).isEqualTo(
                "spring.flyway in src/main/resources/application.yml, src/main/resources/application-prod.properties");
        assertThat(settings.properties()).containsOnly(Map.entry("flyway.locations", "classpath:db/postgresql"),
                Map.entry("flyway.baselineOnMigrate", "true"), Map.entry("flyway.placeholders.table-prefix", "app_"),
                Map.entry("flyway.postgresql.transactional.lock", "false"));
    }

    @Test
    void springBootWithFlywayDisabledIsNotAFlywayProject() throws IOException {
        write("src/main/resources/application.properties", "spring.flyway.enabled=false\nspring.flyway.locations=classpath:x\n");

        assertThat(find(FlywayOptions.NONE)).isNull();
    }
}
