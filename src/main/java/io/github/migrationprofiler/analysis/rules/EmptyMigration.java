package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * The migration sent no statement: an empty file, or one whose statements are all commented out.
 * Production records it as applied all the same, so a change meant to be in it never runs.
 */
final class EmptyMigration extends Rule {

    EmptyMigration() {
        super(RuleId.EMPTY_MIGRATION, Severity.INFO,
                "The migration runs no statement",
                "Check that the file holds what it is meant to: once applied, its version is recorded and a statement "
                        + "added to it later never runs. Remove it if it is a placeholder.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        return facts.statements().isEmpty() ? List.of(new Hit("migration", "The migration sent no statement to the database: "
                + "it is recorded as applied, and does nothing", 0)) : List.of();
    }
}
