package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Work;

import java.util.ArrayList;
import java.util.List;

/** {@code SET NOT NULL} that scanned an existing table under ACCESS EXCLUSIVE, as no valid CHECK proved it. */
final class SetNotNullScan extends Rule {

    SetNotNullScan() {
        super(RuleId.SET_NOT_NULL_SCAN, Severity.WARNING,
                "SET NOT NULL scanned an existing table under ACCESS EXCLUSIVE (no valid CHECK proved it)",
                "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in its own transaction (SHARE UPDATE "
                        + "EXCLUSIVE, reads and writes go on), then SET NOT NULL, which then skips the scan (PostgreSQL 12+), "
                        + "and drop the CHECK.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(Operations.SET_NOT_NULL)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                if (step.did(Work.Kind.SCAN, table.table())) {
                    String columns = String.join(", ", Operations.notNullColumns(step));
                    Locks.blocking(step, table).ifPresent(lock -> hits.add(new Hit(table.table() + "." + columns,
                            "SET NOT NULL scanned every row of " + table.table() + " holding " + Locks.describe(lock, table, step),
                            step.statement().millis())));
                }
            }
        }
        return hits;
    }
}
