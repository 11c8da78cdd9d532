package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.analysis.rules.MigrationFacts;
import io.github.migrationprofiler.analysis.rules.Operations;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.TableStat;

/**
 * Judges a migration's kind from what it did to tables that existed before it, whatever they hold
 * here: a rewrite copies production's whole table even where the profile's copy is empty.
 */
final class Classifier {

    private Classifier() {
    }

    static Kind kind(MigrationFacts facts) {
        Kind kind = Kind.SMALL;
        for (Step step : facts.steps()) {
            if (step.matches(Operations.DML) && step.statement().rowsAffected() >= 1_000) {
                kind = max(kind, Kind.MEDIUM);
            }
            for (TableStat table : step.existing()) {
                kind = max(kind, kindOf(step, table));
            }
        }
        return kind;
    }

    private static Kind kindOf(Step step, TableStat table) {
        boolean rewritten = step.statement().rewrites().contains(table.table()) && !step.matches(Operations.TRUNCATE);
        if (rewritten || Operations.changesMostRows(step, table.rows())) {
            return Kind.LARGE;
        }
        return step.readWhole(table.table()) ? Kind.MEDIUM : Kind.SMALL;
    }

    private static Kind max(Kind a, Kind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
