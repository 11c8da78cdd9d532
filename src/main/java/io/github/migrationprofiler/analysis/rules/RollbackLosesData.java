package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * The undo drops tables or columns that held rows on the copy it ran on. Undoing a new table or
 * column must drop what was written to it since, so this is information by default; dropping a
 * column that existed before the migration loses data the migration never made.
 */
final class RollbackLosesData extends RollbackRule {

    RollbackLosesData() {
        super(RuleId.ROLLBACK_LOSES_DATA, Severity.INFO,
                "The migration's undo drops tables or columns that hold data",
                "Before running this rollback in production, copy what it drops (CREATE TABLE … AS SELECT the key and the "
                        + "column), or roll forward with a new migration instead; an undo that drops a column the migration did "
                        + "not add should restore it by rename, not drop and recreate it.");
    }

    @Override
    protected List<Hit> detect(Rollback rollback) {
        if (rollback.dataLost().isEmpty()) {
            return List.of();
        }
        return List.of(new Hit(rollback.how(), undoneBy(rollback) + " drops data: " + String.join("; ", rollback.dataLost())
                + " (in production: everything written there by the time of the rollback)", 0));
    }
}
