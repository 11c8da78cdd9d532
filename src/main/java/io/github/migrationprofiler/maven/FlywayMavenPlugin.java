package io.github.migrationprofiler.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code flyway-maven-plugin}'s configuration in the same pom, as Flyway properties: a team
 * that runs Flyway from Maven has already said where its migrations are and what its
 * placeholders hold. Connection settings are left out: the run brings its own database.
 */
final class FlywayMavenPlugin {

    private static final Set<String> CONNECTION = Set.of("url", "user", "password", "driver", "serverId", "skip",
            "configFiles", "workingDirectory", "environment", "jdbcProperties");

    private FlywayMavenPlugin() {
    }

    static Map<String, String> settings(MavenProject project) {
        Map<String, String> settings = new LinkedHashMap<>();
        Plugin plugin = project.getPlugin("org.flywaydb:flyway-maven-plugin");
        if (plugin == null || !(plugin.getConfiguration() instanceof Xpp3Dom configuration)) {
            return settings;
        }
        for (Xpp3Dom element : configuration.getChildren()) {
            String name = element.getName();
            if (CONNECTION.contains(name)) {
                continue;
            }
            if (name.equals("placeholders") || name.equals("pluginConfiguration")) {
                Arrays.stream(element.getChildren()).forEach(p -> settings.put(name + "." + p.getName(), value(p)));
            } else {
                settings.put(name, value(element));
            }
        }
        return settings;
    }

    /** A value, or a list's values ({@code <locations><location>…</location></locations>}) joined by commas. */
    private static String value(Xpp3Dom element) {
        if (element.getChildCount() == 0) {
            return element.getValue() == null ? "" : element.getValue().strip();
        }
        return Arrays.stream(element.getChildren()).map(FlywayMavenPlugin::value).collect(Collectors.joining(","));
    }
}
