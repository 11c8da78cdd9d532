package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.TableStat;

import java.util.List;

/**
 * An existing table rewritten under ACCESS EXCLUSIVE by a volatile default, an identity or serial
 * column, a stored generated column, {@code VACUUM FULL}, {@code CLUSTER}, a materialized view's
 * refresh: the advice follows the cause.
 */
final class TableRewrite extends RewriteRule {

    TableRewrite() {
        super(RuleId.TABLE_REWRITE,
                "An existing table was rewritten under ACCESS EXCLUSIVE (volatile default, identity, stored generated column, VACUUM FULL, CLUSTER…)",
                "Avoid the rewrite: add the column nullable and without the volatile default, set the default for new rows "
                        + "(ALTER COLUMN … SET DEFAULT), then backfill existing rows in batches in separate transactions.",
                false);
    }

    @Override
    List<Hit> hits(MigrationFacts facts, Step step, TableStat table, String message) {
        return List.of(new Hit(table.table(), message, step.statement().millis(), advice(step)));
    }

    /** Advice for the kind of rewrite it was; {@code null} for the rule's own (adding a column). */
    private static String advice(Step step) {
        if (step.matches(Operations.MATERIALIZED_VIEW)) {
            return "REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view) keeps the view readable "
                    + "while it refreshes; to change its definition, create the new view under another name and swap the "
                    + "names in a short transaction.";
        }
        if (step.matches(Operations.REBUILD)) {
            return "Rebuild online with pg_repack instead of VACUUM FULL or CLUSTER.";
        }
        if (step.matches(Operations.ADD_COLUMN)) {
            return null;
        }
        return "The rewrite holds ACCESS EXCLUSIVE for as long as copying the table takes: build the new form beside the "
                + "old one (a new table or column filled in batches) and switch over, or rebuild online with pg_repack.";
    }
}
