package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * The undo failed on the state the migration leaves. The team finds out when it needs the way
 * back most: during an incident, with the release already out.
 */
final class RollbackFailed extends RollbackRule {

    RollbackFailed() {
        super(RuleId.ROLLBACK_FAILED, Severity.ERROR,
                "The migration's undo fails on the state the migration leaves",
                "Fix the undo so that it runs on the schema and rows the migration leaves behind (names, types, the order of "
                        + "drops); a way back that fails is found out during the incident it was written for.");
    }

    @Override
    protected List<Hit> detect(Rollback rollback) {
        if (rollback.status() != Rollback.Status.FAILED) {
            return List.of();
        }
        return List.of(new Hit(rollback.how(), undoneBy(rollback) + " failed on the state the migration leaves: "
                + rollback.error().replaceFirst("^the undo failed: ", ""), 0));
    }
}
