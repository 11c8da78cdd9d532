package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * The undo ran, but the database is not back where it was: the schema after it differs from the
 * one before the migration, or the migration cannot be applied again on it (Liquibase's
 * update-testing-rollback). The next release's migrations then meet a schema nobody planned for.
 */
final class RollbackIncomplete extends RollbackRule {

    RollbackIncomplete() {
        super(RuleId.ROLLBACK_INCOMPLETE, Severity.WARNING,
                "The migration's undo leaves another schema than the one before the migration, or one it cannot be applied to again",
                "Make the undo reverse every object the migration creates, drops or changes (each difference is listed), so "
                        + "that the migration can be applied again after it.");
    }

    @Override
    protected List<Hit> detect(Rollback rollback) {
        String again = rollback.reapplied() == null ? null : rollback.reapplied().replaceFirst("^applying it again after its rollback ", "");
        if (rollback.status() == Rollback.Status.INCOMPLETE) {
            return List.of(new Hit(rollback.how(), undoneBy(rollback) + " left another schema than the one before the migration: "
                    + String.join("; ", rollback.differences()) + (again == null ? "" : "; applying the migration again then " + again), 0));
        }
        return again == null ? List.of() : List.of(new Hit(rollback.how(), undoneBy(rollback)
                + " restored the schema, but applying the migration again then " + again, 0));
    }
}
