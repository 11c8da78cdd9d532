package io.github.migrationprofiler.result;

import java.util.List;

/**
 * Something a migration does that hurts production, with the measurements that show it and the
 * zero-downtime way to do the same. A rule gives at most one finding per migration.
 *
 * @param rule           stable rule id, usable in {@code -- migration-profiler:ignore RULE}
 * @param severity       how much it matters
 * @param message        what happened, with the measured figures
 * @param recommendation the safer way
 * @param subjects       the tables, columns, indexes or constraints it applies to
 */
public record Finding(RuleId rule, Severity severity, String message, String recommendation, List<String> subjects) {

    public Finding {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public Finding(RuleId rule, Severity severity, String message, String recommendation) {
        this(rule, severity, message, recommendation, List.of());
    }
}
