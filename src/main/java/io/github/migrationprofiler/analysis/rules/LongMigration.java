package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.time.Duration;
import java.util.List;

import static io.github.migrationprofiler.config.Durations.spoken;

/** A migration that runs longer than deployments and serverless runners wait. */
final class LongMigration extends Rule {

    private final Duration line;

    /** @param line how long a migration may run before it is one (5 minutes unless configured) */
    LongMigration(Duration line) {
        super(RuleId.LONG_MIGRATION, Severity.WARNING,
                "The migration runs longer than longMigration (5 minutes by default)",
                "Split it: batch data changes, use expand/contract for schema changes, or an online tool "
                        + "(pg_repack, pg-osc) for rebuilds; deployments and serverless runners time out.");
        this.line = line;
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        return facts.millis() >= line.toMillis()
                ? List.of(new Hit("migration", "The migration ran " + spoken(facts.millis()) + " on the seeded data", facts.millis()))
                : List.of();
    }
}
