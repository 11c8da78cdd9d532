package io.github.migrationprofiler.it;

import io.github.migrationprofiler.MigrationProfiler;
import io.github.migrationprofiler.ProfilerLog;
import io.github.migrationprofiler.config.Credentials;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;

import java.nio.file.Path;

/** Runs the profiler in a JVM of its own, so a test can interrupt it as Ctrl-C would. */
public final class ProfilerMain {

    public static void main(String[] args) {
        // args: projectDir sqlDir jdbcUrl user password
        ProfilerLog log = new ProfilerLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { System.out.println(message); }
            @Override public void warn(String message) { System.out.println("WARN " + message); }
        };
        new MigrationProfiler(log).run(ProfilerConfig.builder(Path.of(args[0]))
                .sqlDirectory(Path.of(args[1]))
                .engine(EngineKind.EXTERNAL)
                .jdbcUrl(args[2])
                .credentials(new Credentials(args[3], args[4]))
                .build());
    }
}
