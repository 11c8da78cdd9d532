package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * What production's migration tool would do wrong with the migration, which the run's own
 * runner was configured not to: Flyway's transactional lock holding a transaction open on its
 * other session while a non-transactional migration waits for it. Only statements that wait for
 * every older transaction (the CONCURRENTLY builds and drops, a partition detached CONCURRENTLY)
 * wait for that one: a Java migration that runs outside a transaction to update rows in batches
 * never does.
 */
final class RunnerHazard extends Rule {

    RunnerHazard() {
        super(RuleId.RUNNER_HAZARD, Severity.ERROR,
                "Production's migration tool, as configured, would hang or fail on the migration",
                "Change the tool's configuration as the finding says; the profile ran with the safe setting.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        boolean waitsForOlderTransactions = facts.steps().stream()
                .anyMatch(step -> step.matches(Operations.CONCURRENT_INDEX) || step.matches(Operations.DETACH_CONCURRENTLY));
        return !waitsForOlderTransactions ? List.of() : facts.runnerHazards().stream().map(h -> new Hit("migration", h, 0)).toList();
    }
}
