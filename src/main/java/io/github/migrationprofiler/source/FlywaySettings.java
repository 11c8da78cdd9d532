package io.github.migrationprofiler.source;

import io.github.migrationprofiler.config.FlywayOptions;
import io.github.migrationprofiler.support.ProfilerException;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway project's configuration, found where Flyway users keep it; the first place that has one
 * wins: the plugin's own {@code <flyway>} block, the {@code flyway-maven-plugin} in the same pom,
 * {@code flyway.conf} or {@code flyway.toml}, Spring Boot's {@code application.properties} or
 * {@code application.yml} ({@code spring.flyway.*}). Properties are Flyway's own names with the
 * {@code flyway.} prefix, as {@code Flyway.configure().configuration(map)} takes them.
 *
 * @param properties Flyway's properties
 * @param origin     where they were found, for the log
 * @param locations  the locations when the configuration names none, as that origin's tool defaults them
 */
record FlywaySettings(Map<String, String> properties, String origin, String locations) {

    /** The default location of Flyway's API and of Spring Boot. */
    static final String CLASSPATH_DEFAULT = "classpath:db/migration";
    private static final String PREFIX = "flyway.";
    private static final Pattern KEBAB = Pattern.compile("-([a-z])");

    /** The configuration the project has, or {@code null} when it has none. */
    static FlywaySettings find(Path baseDir, Path sqlDirectory, FlywayOptions options) {
        if (!options.settings().isEmpty()) {
            return new FlywaySettings(prefixed(options.settings()), "the plugin's <flyway> configuration",
                    "filesystem:" + sqlDirectory);
        }
        if (!options.mavenPlugin().isEmpty()) {
            return new FlywaySettings(prefixed(options.mavenPlugin()), "flyway-maven-plugin's configuration in pom.xml",
                    "filesystem:" + baseDir.resolve("src/main/resources/db/migration"));
        }
        for (Path conf : List.of(baseDir.resolve("flyway.conf"), baseDir.resolve("conf/flyway.conf"))) {
            if (Files.isRegularFile(conf)) {
                return new FlywaySettings(prefixed(properties(conf)), baseDir.relativize(conf).toString(), CLASSPATH_DEFAULT);
            }
        }
        for (Path toml : List.of(baseDir.resolve("flyway.toml"), baseDir.resolve("conf/flyway.toml"))) {
            if (Files.isRegularFile(toml)) {
                return new FlywaySettings(FlywayToml.read(toml), baseDir.relativize(toml).toString(), CLASSPATH_DEFAULT);
            }
        }
        return spring(baseDir, options.springProfiles());
    }

    /** Spring Boot's {@code spring.flyway.*}, from the default file and then each profile's, later ones winning. */
    private static FlywaySettings spring(Path baseDir, List<String> profiles) {
        Path resources = baseDir.resolve("src/main/resources");
        Map<String, String> spring = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("application"));
        profiles.forEach(p -> names.add("application-" + p));
        for (String name : names) {
            for (String ext : List.of("properties", "yml", "yaml")) {
                Path file = resources.resolve(name + "." + ext);
                if (Files.isRegularFile(file)) {
                    spring.putAll(ext.equals("properties") ? properties(file) : yaml(file, profiles));
                    read.add(baseDir.relativize(file).toString());
                }
            }
        }
        Map<String, String> flyway = new LinkedHashMap<>();
        spring.forEach((key, value) -> {
            if (key.startsWith("spring.flyway.")) {
                // Spring Boot's {vendor} in a location is the database's: postgresql here
                flyway.put(PREFIX + springName(key.substring("spring.flyway.".length())), value.replace("{vendor}", "postgresql"));
            }
        });
        if (flyway.isEmpty() || "false".equalsIgnoreCase(flyway.get(PREFIX + "enabled"))) {
            return null;
        }
        flyway.remove(PREFIX + "enabled");
        return new FlywaySettings(flyway, "spring.flyway in " + String.join(", ", read), CLASSPATH_DEFAULT);
    }

    /**
     * Spring Boot's relaxed name as Flyway spells it: {@code baseline-on-migrate} is
     * {@code baselineOnMigrate}, {@code postgresql.transactional-lock} is
     * {@code postgresql.transactional.lock}; placeholder names stay as written.
     */
    static String springName(String key) {
        if (key.startsWith("placeholders.")) {
            return key;
        }
        if (key.equals("postgresql.transactional-lock")) {
            return "postgresql.transactional.lock";
        }
        Matcher m = KEBAB.matcher(key);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1).toUpperCase());
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, String> prefixed(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((key, value) -> out.put(key.startsWith(PREFIX) ? key : PREFIX + key, value));
        return out;
    }

    private static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ProfilerException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, properties.getProperty(k).strip()));
        return out;
    }

    /**
     * A YAML file as the dotted keys Spring Boot reads from it (lists joined by commas); a document
     * for a profile ({@code spring.config.activate.on-profile}) counts only when that profile is active.
     */
    private static Map<String, String> yaml(Path file, List<String> profiles) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml().loadAll(reader)) {
                Map<String, String> keys = new LinkedHashMap<>();
                flatten("", document, keys);
                String profile = keys.getOrDefault("spring.config.activate.on-profile", keys.get("spring.profiles"));
                if (profile == null || profiles.contains(profile.strip())) {
                    out.putAll(keys);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ProfilerException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (value != null && !prefix.isEmpty()) {
            out.put(prefix, String.valueOf(value));
        }
    }
}
