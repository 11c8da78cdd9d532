package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The project's classes as Flyway sees them in production: Java migrations, Java callbacks and
 * {@code classpath:} locations come from {@code target/classes} and the project's dependencies.
 */
final class FlywayClasspath {

    private FlywayClasspath() {
    }

    /** A class loader over {@code classpath} (or the project's {@code target/classes} when none is given). */
    static ClassLoader loader(Path baseDir, List<Path> classpath) {
        List<Path> entries = new ArrayList<>(classpath);
        Path classes = baseDir.resolve("target/classes");
        if (entries.isEmpty() && Files.isDirectory(classes)) {
            entries.add(classes);
        }
        ClassLoader plugin = FlywayClasspath.class.getClassLoader();
        if (entries.isEmpty()) {
            return plugin;
        }
        URL[] urls = entries.stream().map(FlywayClasspath::url).toArray(URL[]::new);
        return new URLClassLoader("project classes", urls, plugin);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ProfilerException("Not a classpath entry: " + path, e);
        }
    }

    /**
     * Flyway's locations, made absolute: {@code filesystem:} paths against the project; a
     * {@code classpath:} location the build has not copied to {@code target/classes} yet (the
     * goal called without {@code process-resources}) is read from {@code src/main/resources}.
     */
    static List<String> locations(String configured, Path baseDir, ClassLoader classes, ProfilerLog log) {
        List<String> out = new ArrayList<>();
        for (String location : Arrays.stream(configured.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (location.startsWith("filesystem:")) {
                out.add("filesystem:" + baseDir.resolve(location.substring("filesystem:".length())).normalize());
                continue;
            }
            String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            path = path.startsWith("/") ? path.substring(1) : path;
            Path resources = baseDir.resolve("src/main/resources").resolve(path);
            if (classes.getResource(path) == null && Files.isDirectory(resources)) {
                log.info("Flyway location " + location + " is not built yet: reading src/main/resources/" + path);
                out.add("filesystem:" + resources);
            } else {
                out.add("classpath:" + path);
            }
        }
        return out;
    }
}
