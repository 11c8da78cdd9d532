package io.github.migrationprofiler.it;

import io.github.migrationprofiler.support.ProfilerLog;

import java.util.List;

/** Keeps info and warning lines for assertions ("WARN " marks warnings). */
record CollectingLog(List<String> lines) implements ProfilerLog {

    @Override
    public void debug(String message) {
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }
}
