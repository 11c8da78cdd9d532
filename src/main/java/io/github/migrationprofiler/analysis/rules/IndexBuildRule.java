package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Work;

import java.util.ArrayList;
import java.util.List;

/** An index the server built on an existing table, for a statement of one operation, while writes were blocked. */
abstract class IndexBuildRule extends Rule {

    private final String operation;
    private final String what;

    /** @param operation the statements it looks at ({@link Operations}); @param what the verb its message begins with */
    IndexBuildRule(RuleId id, String summary, String recommendation, String operation, String what) {
        super(id, Severity.WARNING, summary, recommendation);
        this.operation = operation;
        this.what = what;
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (!step.matches(operation)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                for (Work work : step.statement().work()) {
                    if (work.kind() == Work.Kind.INDEX_BUILD && work.table().equals(table.table())) {
                        Locks.blocking(step, table).ifPresent(lock -> hits.add(new Hit(work.object(), Locks.capitalised(what) + " "
                                + work.object() + " holding " + Locks.describe(lock, table, step), step.statement().millis())));
                    }
                }
            }
        }
        return hits;
    }
}
