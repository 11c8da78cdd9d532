package io.github.migrationprofiler.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one migration's measurements into its kind and findings, leaving out rules the pom
 * disables and rules the migration silences with {@code -- migration-profiler:ignore RULE_ID}.
 */
public final class Analyzer {

    private static final Pattern IGNORE = Pattern.compile("migration-profiler:ignore\\s+([\\w-]+(?:\\s*,\\s*[\\w-]+)*)");

    /** A migration's kind and what to fix. */
    public record Analysis(Kind kind, List<Finding> findings) {
    }

    private final Set<String> disabled;

    /** @param assumeLockTimeout the migration runner sets lock_timeout itself: missing-lock-timeout does not apply */
    public static Analyzer of(Set<String> disabledRules, boolean assumeLockTimeout) {
        Set<String> disabled = new HashSet<>(disabledRules);
        if (assumeLockTimeout) {
            disabled.add(Rules.MISSING_LOCK_TIMEOUT);
        }
        return new Analyzer(disabled);
    }

    public Analyzer(Set<String> disabledRules) {
        for (String id : disabledRules) {
            if (Rules.byId(id).isEmpty()) {
                throw new io.github.migrationprofiler.ProfilerException("Unknown rule '" + id + "' in disabledRules; the rules are "
                        + String.join(", ", Rules.ALL.stream().map(Rule::id).toList()));
            }
        }
        this.disabled = Set.copyOf(disabledRules);
    }

    /** @param sourceText the migration's own text, where suppression comments live */
    public Analysis analyze(MigrationFacts facts, String sourceText) {
        Set<String> ignored = new HashSet<>(disabled);
        Matcher m = IGNORE.matcher(sourceText == null ? "" : sourceText);
        while (m.find()) {
            for (String id : m.group(1).split("\\s*,\\s*")) {
                ignored.add(id);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            if (!ignored.contains(rule.id())) {
                findings.addAll(rule.check(facts));
            }
        }
        return new Analysis(Classifier.kind(facts), findings);
    }
}
