package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.FlywayOptions;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the profiler in a JVM of its own, so a test can interrupt or kill it. Arguments:
 * {@code projectDir sqlDir engine [key=value…]} with keys jdbcUrl, user, password, image, seed (a scale; default 0),
 * traffic (true for the traffic pass), and Flyway's own ({@code flyway.…}).
 */
public final class ProfilerMain {

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        Map<String, String> flyway = new HashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith("flyway.")) {
                flyway.put(key, value);
            }
        });
        new ProfileRun(new PrintingLog()).run(ProfilerConfig.builder(Path.of(args[0]))
                .sqlDirectory(Path.of(args[1]))
                .engine(EngineKind.parse(args[2]))
                .jdbcUrl(options.get("jdbcUrl"))
                .credentials(new Credentials(options.get("user"), options.get("password")))
                .docker(DockerOptions.DEFAULTS.withImage(options.getOrDefault("image", "postgres:" + PostgresVersion.DEFAULT)))
                .seed(SeedOptions.parse(options.getOrDefault("seed", "0"), SeedOptions.DEFAULT_RANDOM, SeedOptions.DEFAULT_NULL_FRACTION,
                        Map.of()))
                .traffic(Boolean.parseBoolean(options.get("traffic")) ? TrafficOptions.DEFAULTS : TrafficOptions.OFF)
                .flyway(new FlywayOptions(flyway, Map.of(), List.of(), List.of()))
                .build());
    }

    /** Prints info and warnings, for the test to read from the child's output. */
    static final class PrintingLog implements ProfilerLog {
        @Override public void debug(String message) { if (System.getenv("PROFILER_DEBUG") != null) System.out.println("DEBUG " + message); }
        @Override public void info(String message) { System.out.println(message); }
        @Override public void warn(String message) { System.out.println("WARN " + message); }
    }
}
