package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Work;

import java.util.ArrayList;
import java.util.List;

/** A CHECK or FOREIGN KEY validated against every existing row while writes were blocked. */
final class ConstraintWithoutNotValid extends Rule {

    ConstraintWithoutNotValid() {
        super(RuleId.CONSTRAINT_WITHOUT_NOT_VALID, Severity.WARNING,
                "A CHECK or FOREIGN KEY was validated against every existing row while writes were blocked",
                "Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a separate "
                        + "transaction: it holds SHARE UPDATE EXCLUSIVE, so reads and writes go on while it scans.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(Operations.CONSTRAINT_CHECK)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                if (step.did(Work.Kind.SCAN, table.table()) || step.did(Work.Kind.FOREIGN_KEY_VALIDATION, table.table())) {
                    String constraint = Operations.constraintNames(step).stream().findFirst().orElse(table.table());
                    Locks.blocking(step, table).ifPresent(lock -> hits.add(new Hit(constraint, "Validating " + constraint
                            + " read every row of " + table.table() + " holding " + Locks.describe(lock, table, step),
                            step.statement().millis())));
                }
            }
        }
        return hits;
    }
}
