package io.github.migrationprofiler.support;

/**
 * The core's only way to talk to a person. The Maven goals adapt it to Maven's {@code Log};
 * tests and benchmarks can print or collect.
 */
public interface ProfilerLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    /** This log with every line a debug line: for a repeat of work whose lines were already given once. */
    default ProfilerLog debugOnly() {
        return demoted(true);
    }

    /** This log with its info lines turned into debug lines: for work a person need not follow step by step. */
    default ProfilerLog quieter() {
        return demoted(false);
    }

    private ProfilerLog demoted(boolean warnings) {
        ProfilerLog self = this;
        return new ProfilerLog() {
            @Override public void debug(String message) { self.debug(message); }
            @Override public void info(String message) { self.debug(message); }
            @Override public void warn(String message) {
                if (warnings) {
                    self.debug(message);
                } else {
                    self.warn(message);
                }
            }
        };
    }

    /** Discards everything; for callers that do not want output. */
    ProfilerLog SILENT = new ProfilerLog() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { }
        @Override public void warn(String message) { }
    };
}
