package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

import java.util.logging.Level;

/**
 * Routes Liquibase's own logging into the profiler's log: warnings stay warnings, everything
 * else becomes debug output, so a normal build shows the profiler's lines and not Liquibase's.
 */
final class LiquibaseLog extends AbstractLogService {

    private final ProfilerLog log;

    LiquibaseLog(ProfilerLog log) {
        this.log = log;
    }

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        return new AbstractLogger() {
            @Override
            public void log(Level level, String message, Throwable e) {
                if (message == null) {
                    return;
                }
                // Liquibase warns that analytics are off; we switched them off on purpose
                if (level.intValue() >= Level.WARNING.intValue() && !message.contains("analytics")) {
                    // "ChangeSet … encountered an exception." says why only in its Throwable
                    log.warn("Liquibase: " + message + (e == null ? "" : " " + ProfilerException.rootMessage(e)));
                } else {
                    log.debug("Liquibase: " + message);
                }
            }
        };
    }
}
