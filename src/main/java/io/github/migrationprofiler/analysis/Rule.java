package io.github.migrationprofiler.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.github.migrationprofiler.config.Durations.spoken;

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

    /**
     * One place the rule applies.
     *
     * @param subject        the table, column, index or constraint it applies to
     * @param message        what happened there, quoting the measurements
     * @param millis         how long it held production's traffic, for the total
     * @param recommendation {@code null} for the rule's own
     */
    public record Hit(String subject, String message, double millis, String recommendation) {
        public Hit(String subject, String message, double millis) {
            this(subject, message, millis, null);
        }
    }

    /** At most one finding per migration: the first hit in full, the others by name, and the time they held in all. */
    List<Finding> check(MigrationFacts facts) {
        List<Hit> hits = detector.detect(facts);
        if (hits.isEmpty()) {
            return List.of();
        }
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> advice = new LinkedHashSet<>();
        hits.forEach(h -> {
            subjects.add(h.subject());
            advice.add(h.recommendation() == null ? recommendation : h.recommendation());
        });
        String message = hits.get(0).message();
        if (hits.size() > 1) {
            List<String> others = new ArrayList<>(subjects);
            others.remove(hits.get(0).subject());
            double total = hits.stream().mapToDouble(Hit::millis).sum();
            message += String.format(Locale.ROOT, "; likewise %s (%d in all%s)", others.isEmpty() ? "again" : String.join(", ", others),
                    hits.size(), total > 0 ? ", " + spoken(total) + " together" : "");
        }
        return List.of(new Finding(id, severity, message, String.join(" ", advice), List.copyOf(subjects)));
    }
}
