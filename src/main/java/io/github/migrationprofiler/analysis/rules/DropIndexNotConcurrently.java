package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;

import java.util.ArrayList;
import java.util.List;

/** {@code DROP INDEX} without {@code CONCURRENTLY} takes ACCESS EXCLUSIVE on the index's table. */
final class DropIndexNotConcurrently extends Rule {

    DropIndexNotConcurrently() {
        super(RuleId.DROP_INDEX_NOT_CONCURRENTLY, Severity.WARNING,
                "DROP INDEX without CONCURRENTLY took ACCESS EXCLUSIVE on an existing table",
                "DROP INDEX CONCURRENTLY, outside a transaction (Liquibase: runInTransaction:false).");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(Operations.DROP_INDEX)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                step.requestedOn(table.table()).filter(l -> l.lockMode() == LockMode.ACCESS_EXCLUSIVE).ifPresent(lock -> {
                    String index = step.statement().locks().stream().map(LockHeld::relation)
                            .filter(r -> !r.equals(table.table())).findFirst().orElse(table.table());
                    hits.add(new Hit(index, "DROP INDEX " + index + " held " + Locks.describe(lock, table, step), lock.heldMillis()));
                });
            }
        }
        return hits;
    }
}
