package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * One thing a migration can do that hurts production. A rule decides from what was observed —
 * the locks the transaction held, the scans, builds and rewrites the server reported, the rows
 * changed, the catalog before and after — on tables that existed before the migration (a table
 * empty here is not empty in production); the SQL text only says which operation a statement
 * was. Each rule is a class of its own, with example migrations its docs show and a test runs.
 */
public abstract class Rule {

    /**
     * One place the rule applies.
     *
     * @param subject        the table, column, index or constraint it applies to
     * @param message        what happened there, quoting the measurements
     * @param millis         how long it held production's traffic, for the total
     * @param recommendation {@code null} for the rule's own
     * @param severity       {@code null} for the rule's own: a place where the rule matters less says so
     */
    public record Hit(String subject, String message, double millis, String recommendation, Severity severity) {
        public Hit(String subject, String message, double millis) {
            this(subject, message, millis, null, null);
        }

        public Hit(String subject, String message, double millis, String recommendation) {
            this(subject, message, millis, recommendation, null);
        }
    }

    private final RuleId id;
    private final Severity severity;
    private final String summary;
    private final String recommendation;

    /**
     * @param summary        one line for the docs
     * @param recommendation the zero-downtime alternative, unless a hit names a more specific one
     */
    protected Rule(RuleId id, Severity severity, String summary, String recommendation) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.recommendation = recommendation;
    }

    public RuleId id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public String recommendation() {
        return recommendation;
    }

    /** This rule's hits in one migration's measurements. */
    protected abstract List<Hit> detect(MigrationFacts facts);

    /**
     * At most one finding per migration: the first hit in full, the others by name, and the time
     * they held in all; as severe as its most severe hit.
     */
    public final List<Finding> check(MigrationFacts facts) {
        return finding(detect(facts));
    }

    /** The one finding of these hits, none without hits. */
    protected final List<Finding> finding(List<Hit> hits) {
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
            message = message.replaceAll("\\.$", "") + String.format(Locale.ROOT, "; likewise %s (%d in all%s)", others.isEmpty() ? "again" : String.join(", ", others),
                    hits.size(), total > 0 ? ", " + spoken(total) + " together" : "");
        }
        Severity worst = hits.stream().map(h -> h.severity() == null ? severity : h.severity()).min(Comparator.naturalOrder())
                .orElse(severity); // ERROR sorts first
        return List.of(new Finding(id, worst, message, String.join(" ", advice), List.copyOf(subjects)));
    }
}
