package io.github.migrationprofiler.analysis;

/**
 * Something a migration does that hurts production, with the measurements that show it and the
 * zero-downtime way to do the same.
 *
 * @param rule           stable rule id, usable in {@code -- migration-profiler:ignore RULE}
 * @param severity       how much it matters
 * @param message        what happened, with the measured figures
 * @param recommendation the safer way
 */
public record Finding(String rule, Severity severity, String message, String recommendation) {
}
