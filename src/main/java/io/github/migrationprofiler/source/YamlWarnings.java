package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerLog;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What SnakeYAML says while Liquibase reads YAML changelogs, in the run's words: otherwise a raw
 * {@code WARNING: duplicate keys found : sql} lands on the console from {@code java.util.logging},
 * naming neither the file nor what happens (the last value wins, in the application too).
 */
final class YamlWarnings implements AutoCloseable {

    /** SnakeYAML names its logger after the constructor's class: Liquibase's own subclass. */
    private static final Logger SNAKEYAML = Logger.getLogger("liquibase.parser.core.yaml");

    private final Set<String> messages = new LinkedHashSet<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final boolean parentHandlers = SNAKEYAML.getUseParentHandlers();

    YamlWarnings() {
        SNAKEYAML.setUseParentHandlers(false);
        SNAKEYAML.addHandler(handler);
    }

    /** Says what was heard while reading {@code changelog}, once each. */
    void report(String changelog, ProfilerLog log) {
        for (String message : messages) {
            String key = message.replaceFirst("(?s)^duplicate keys found\\s*:\\s*", "");
            log.warn(key.equals(message) ? "Reading the YAML changelogs of " + changelog + ": " + message
                    : "A YAML changelog of " + changelog + " repeats the key '" + key + "' in one mapping: the last value "
                    + "counts, for Liquibase in the application too; check the changesets that set '" + key + "'");
        }
    }

    @Override
    public void close() {
        SNAKEYAML.removeHandler(handler);
        SNAKEYAML.setUseParentHandlers(parentHandlers);
    }
}
