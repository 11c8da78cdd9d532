package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.MigrationFacts.Step;
import io.github.migrationprofiler.profile.TableStat;

/** Judges a migration's kind from what it did to tables that held data. */
final class Classifier {

    private Classifier() {
    }

    static Kind kind(MigrationFacts facts) {
        Kind kind = Kind.SMALL;
        for (Step step : facts.steps()) {
            for (TableStat table : step.populated()) {
                kind = max(kind, kindOf(step, table));
            }
        }
        return kind;
    }

    private static Kind kindOf(Step step, TableStat table) {
        if (step.statement().rewrites().contains(table.table()) || step.matches(Operations.REBUILD)
                || step.matches(Operations.DROP_DATA) || Operations.changesMostRows(step, table.rows())) {
            return Kind.LARGE;
        }
        if (step.matches(Operations.ANY_INDEX_BUILD) || step.matches(Operations.SET_NOT_NULL)
                || step.matches(Operations.ADD_CHECK_OR_FK) || step.matches(Operations.VALIDATE) || step.matches(Operations.ADD_UNIQUE)
                || step.matches(Operations.DML) && step.statement().rowsAffected() >= 1_000) {
            return Kind.MEDIUM;
        }
        return Kind.SMALL;
    }

    private static Kind max(Kind a, Kind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
