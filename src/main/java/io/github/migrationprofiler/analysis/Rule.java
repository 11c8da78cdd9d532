package io.github.migrationprofiler.analysis;

import java.util.List;

/**
 * One thing a migration can do that hurts production.
 *
 * @param id             stable id (docs, suppression comments, the pom's disabled list)
 * @param severity       how much a hit matters
 * @param summary        one line for the docs
 * @param recommendation the zero-downtime alternative, unless a hit names a more specific one
 * @param detector       finds hits in the measurements
 */
public record Rule(String id, Severity severity, String summary, String recommendation, Detector detector) {

    /** Finds this rule's hits in one migration's measurements. */
    @FunctionalInterface
    public interface Detector {
        List<Hit> detect(MigrationFacts facts);
    }

    /** @param message quotes the measurements; @param recommendation {@code null} for the rule's own */
    public record Hit(String message, String recommendation) {
        public Hit(String message) {
            this(message, null);
        }
    }

    List<Finding> check(MigrationFacts facts) {
        return detector.detect(facts).stream()
                .map(hit -> new Finding(id, severity, hit.message(), hit.recommendation() == null ? recommendation : hit.recommendation()))
                .toList();
    }
}
