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
                            rows, table.rows(), table.table(), scan, spoken(step.statement().millis())), step.statement().millis(),
                            advice(step, table)));
                }
            }
        }
        return hits;
    }

    /** Advice that fits the cause, when batching is not it; {@code null} for the rule's own. */
    private static String advice(Step step, TableStat table) {
        if (step.statement().plan() != null && step.statement().plan().growth() > 1) {
            return "The cost is the join (see superlinear-work), not the rows changed: batching pays the join again per "
                    + "batch. Fix the join first.";
        }
        boolean underDdl = step.statement().transaction() != 0 && step.transactionLocks().stream()
                .anyMatch(l -> l.table().equals(table.table()) && l.lockMode() == LockMode.ACCESS_EXCLUSIVE)
                && step.requestedOn(table.table()).map(l -> l.lockMode() != LockMode.ACCESS_EXCLUSIVE).orElse(true);
        return underDdl ? "It commits with DDL on the same table (ACCESS EXCLUSIVE held throughout), so it cannot be batched "
                + "as it stands: split it expand/contract — the new structure in one migration, the data change in "
                + "batches of their own, the switch (rename, NOT NULL, drop) in a short last one." : null;
    }
}
