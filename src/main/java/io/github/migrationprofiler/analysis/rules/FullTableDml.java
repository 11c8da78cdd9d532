package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.github.migrationprofiler.config.Durations.spoken;

/** {@code UPDATE} or {@code DELETE} of most of an existing table in one transaction: a backfill. */
final class FullTableDml extends Rule {

    FullTableDml() {
        super(RuleId.FULL_TABLE_DML, Severity.WARNING,
                "UPDATE or DELETE of most of an existing table in one transaction",
                "Backfill in batches (e.g. 1,000–10,000 rows by key range), each in its own transaction, apart from the "
                        + "schema change; the rows stay locked only per batch and autovacuum keeps up.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            long rows = step.statement().rowsAffected();
            for (TableStat table : step.existing()) {
                boolean target = step.requestedOn(table.table()).map(l -> l.lockMode().ordinal() >= LockMode.ROW_EXCLUSIVE.ordinal())
                        .orElse(false);
                if (target && Operations.changesMostRows(step, table.rows())) {
                    String scan = step.statement().plan() != null && step.statement().plan().seqScans().contains(table.table())
                            ? " by sequential scan" : "";
                    hits.add(new Hit(table.table(), String.format(Locale.ROOT, "%s changed %,d of %,d rows of %s%s in one "
                                    + "transaction (%s); writers of those rows wait until it commits", step.sql().split(" ")[0],
                            rows, table.rows(), table.table(), scan, spoken(step.statement().millis())), step.statement().millis()));
                }
            }
        }
        return hits;
    }
}
