package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;

import java.util.ArrayList;
import java.util.List;

import static io.github.migrationprofiler.config.Durations.spoken;

/** An existing table the server rewrote, with its indexes, under ACCESS EXCLUSIVE: by a type change, or by anything else. */
abstract class RewriteRule extends Rule {

    private final boolean typeChange;

    RewriteRule(RuleId id, String summary, String recommendation, boolean typeChange) {
        super(id, Severity.ERROR, summary, recommendation);
        this.typeChange = typeChange;
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            if (step.matches(Operations.TYPE_CHANGE) != typeChange || step.matches(Operations.TRUNCATE)) {
                continue;
            }
            for (TableStat table : step.existing()) {
                if (step.statement().rewrites().contains(table.table())) {
                    String lock = step.heldOn(table.table()).map(l -> " under " + Locks.describe(l, table, step))
                            .orElse(" (" + table.describe() + ")");
                    hits.addAll(hits(facts, step, table, "The statement rewrote " + table.table() + " and its indexes" + lock + " ("
                            + spoken(step.statement().millis()) + " to run)"));
                }
            }
        }
        return hits;
    }

    /** The hits of one rewritten table. */
    abstract List<Hit> hits(MigrationFacts facts, Step step, TableStat table, String message);
}
