package io.github.migrationprofiler.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a Flyway project's configuration comes from, besides the files Flyway users keep
 * ({@code flyway.conf}, {@code flyway.toml}, Spring Boot's {@code application.properties}/{@code .yml}).
 *
 * @param settings       Flyway properties from the plugin's own {@code <flyway>} block ({@code locations},
 *                       {@code placeholders.owner}, …, with or without the {@code flyway.} prefix): wins over every file
 * @param mavenPlugin    the {@code flyway-maven-plugin} configuration in the same pom, as Flyway properties
 * @param springProfiles Spring Boot profiles whose {@code application-<profile>} files are read after the default one
 * @param classpath      the project's runtime classpath ({@code target/classes} and dependencies): Java migrations,
 *                       callbacks and {@code classpath:} locations come from it
 */
public record FlywayOptions(Map<String, String> settings, Map<String, String> mavenPlugin, List<String> springProfiles,
                            List<Path> classpath) {

    public static final FlywayOptions NONE = new FlywayOptions(Map.of(), Map.of(), List.of(), List.of());

    public FlywayOptions {
        settings = Parameters.emptyAsBlank(settings);
        mavenPlugin = Parameters.emptyAsBlank(mavenPlugin);
        springProfiles = List.copyOf(springProfiles);
        classpath = List.copyOf(classpath);
    }
}
