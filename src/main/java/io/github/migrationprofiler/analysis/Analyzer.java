package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.rules.MigrationFacts;
import io.github.migrationprofiler.analysis.rules.RollbackRule;
import io.github.migrationprofiler.analysis.rules.Rule;
import io.github.migrationprofiler.analysis.rules.Rules;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.support.ProfilerException;

import java.util.ArrayList;
import java.util.EnumSet;
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

    /** A migration's kind, what to fix, and what its suppression comments got wrong. */
    public record Analysis(Kind kind, List<Finding> findings, List<String> warnings) {
    }

    private final Set<RuleId> disabled;

    /**
     * @param disabledRules     rule ids the pom disables; an unknown one fails
     * @param assumeLockTimeout the migration runner sets lock_timeout itself: missing-lock-timeout does not apply
     * @param lines             the lines some rules draw
     */
    public static Analyzer of(Set<String> disabledRules, boolean assumeLockTimeout, Rules.Lines lines) {
        Set<RuleId> disabled = EnumSet.noneOf(RuleId.class);
        disabledRules.forEach(id -> disabled.add(RuleId.parse(id, "disabledRules")));
        if (assumeLockTimeout) {
            disabled.add(RuleId.MISSING_LOCK_TIMEOUT);
        }
        return new Analyzer(disabled, Rules.all(lines));
    }

    private final List<Rule> rules;

    private Analyzer(Set<RuleId> disabled, List<Rule> rules) {
        this.disabled = Set.copyOf(disabled);
        this.rules = rules;
    }

    /** @param sourceText the migration's own text, where suppression comments live */
    public Analysis analyze(MigrationFacts facts, String sourceText) {
        List<String> warnings = new ArrayList<>();
        Set<RuleId> ignored = ignored(sourceText, warnings);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (!ignored.contains(rule.id())) {
                findings.addAll(rule.check(facts));
            }
        }
        return new Analysis(Classifier.kind(facts), findings, warnings);
    }

    /**
     * What the rollback rules find of a migration's rollback, once the rollback pass ran it; the
     * migration's own comments silence them as they silence its other findings.
     */
    public List<Finding> analyze(Rollback rollback, String sourceText) {
        Set<RuleId> ignored = ignored(sourceText, new ArrayList<>()); // a typo was named when the migration was analysed
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof RollbackRule rollbackRule && !ignored.contains(rule.id())) {
                findings.addAll(rollbackRule.check(rollback));
            }
        }
        return findings;
    }

    /** The rules the pom disables and the migration's comments silence; a typo in a comment is added to {@code warnings}. */
    private Set<RuleId> ignored(String sourceText, List<String> warnings) {
        Set<RuleId> ignored = EnumSet.noneOf(RuleId.class);
        ignored.addAll(disabled);
        Matcher m = IGNORE.matcher(sourceText == null ? "" : sourceText);
        while (m.find()) {
            for (String id : m.group(1).split("\\s*,\\s*")) {
                try {
                    ignored.add(RuleId.parse(id, "a migration-profiler:ignore comment"));
                } catch (ProfilerException typo) {
                    warnings.add(typo.getMessage()); // the migration is still profiled: the comment silences nothing
                }
            }
        }
        return ignored;
    }
}
