package io.github.migrationprofiler.source;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Flyway's own log, kept out of the build's: Flyway applies the migrations several times per run
 * (rehearsal, baseline, instrumented pass), and what it says that matters — a failure, a
 * migration it leaves out — the run reports in its own words. The JDK logger {@code org.flywaydb}
 * still has it, at DEBUG.
 */
final class FlywayLogs {

    private static final System.Logger DEBUG = System.getLogger("org.flywaydb");

    private FlywayLogs() {
    }

    /** Flyway's "maven" logger is this one; Flyway asks for it on each configuration it loads. */
    static void install() {
        LogFactory.setFallbackLogCreator(type -> new Log() {
            @Override public void debug(String message) { DEBUG.log(System.Logger.Level.DEBUG, message); }
            @Override public void info(String message) { DEBUG.log(System.Logger.Level.DEBUG, message); }
            @Override public void warn(String message) { DEBUG.log(System.Logger.Level.DEBUG, message); }
            @Override public void error(String message) { DEBUG.log(System.Logger.Level.DEBUG, message); }
            @Override public void error(String message, Exception e) { DEBUG.log(System.Logger.Level.DEBUG, message, e); }
            @Override public void notice(String message) { DEBUG.log(System.Logger.Level.DEBUG, message); }
        });
    }
}
