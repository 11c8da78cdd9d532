package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.support.ProfilerLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's. */
record MavenProfilerLog(Log log) implements ProfilerLog {

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
