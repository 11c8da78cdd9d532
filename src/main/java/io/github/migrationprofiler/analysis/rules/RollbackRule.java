package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * A rule about a migration's way back, decided from what the rollback pass saw when it undid the
 * migration on a copy of the state just after it. The forward run's measurements say nothing of
 * it, so it finds nothing there; its finding joins the migration's own.
 */
public abstract class RollbackRule extends Rule {

    protected RollbackRule(RuleId id, Severity severity, String summary, String recommendation) {
        super(id, severity, summary, recommendation);
    }

    @Override
    protected final List<Hit> detect(MigrationFacts facts) {
        return List.of();
    }

    /** This rule's hits in one migration's rollback. */
    protected abstract List<Hit> detect(Rollback rollback);

    /** At most one finding, as for a migration's measurements. */
    public final List<Finding> check(Rollback rollback) {
        return finding(detect(rollback));
    }

    /** "The rollback (db/U2__w.sql)": what undid the migration, as each rollback finding opens. */
    static String undoneBy(Rollback rollback) {
        return "The rollback (" + rollback.how() + ")";
    }
}
