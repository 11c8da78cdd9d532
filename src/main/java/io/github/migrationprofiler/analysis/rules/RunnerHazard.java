package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * What production's migration tool would do wrong with the migration, which the run's own
 * runner was configured not to: Flyway's transactional lock holding a transaction open on its
 * other session while a non-transactional migration waits for it.
 */
final class RunnerHazard extends Rule {

    RunnerHazard() {
        super(RuleId.RUNNER_HAZARD, Severity.ERROR,
                "Production's migration tool, as configured, would hang or fail on the migration",
                "Change the tool's configuration as the finding says; the profile ran with the safe setting.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        return facts.runnerHazards().stream().map(h -> new Hit("migration", h, 0)).toList();
    }
}
