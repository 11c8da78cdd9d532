package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;

/** {@code ADD UNIQUE} or {@code PRIMARY KEY} builds its index under ACCESS EXCLUSIVE. */
final class UniqueConstraintInPlace extends IndexBuildRule {

    UniqueConstraintInPlace() {
        super(RuleId.UNIQUE_CONSTRAINT_IN_PLACE,
                "ADD UNIQUE or PRIMARY KEY built its index on an existing table while writes were blocked",
                "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX, "
                        + "which only takes a brief lock.",
                Operations.ADD_UNIQUE, "built the constraint's index");
    }
}
