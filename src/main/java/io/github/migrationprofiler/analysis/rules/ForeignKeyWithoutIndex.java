package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/** A foreign key the migration added whose referencing columns no index starts with. */
final class ForeignKeyWithoutIndex extends Rule {

    ForeignKeyWithoutIndex() {
        super(RuleId.FOREIGN_KEY_WITHOUT_INDEX, Severity.WARNING,
                "A foreign key whose referencing columns have no index",
                "CREATE INDEX CONCURRENTLY on the referencing columns: deleting or re-keying a parent row otherwise "
                        + "scans the whole child table, under lock.");
    }

    /**
     * A warning where the child table existed before (its rows are scanned from the next parent
     * delete on); information where the migration creates it: nobody's rows yet, a design note.
     */
    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        return facts.foreignKeyGaps().stream().map(gap -> new Hit(gap.constraint(), "Foreign key " + gap.constraint()
                + " on " + gap.table() + " (" + String.join(", ", gap.columns()) + ") has no index: every DELETE or key "
                + "UPDATE on " + gap.referencedTable() + " scans " + gap.table()
                + (existed(facts, gap.table()) ? "" : " (created by this migration: empty until it fills)"), 0, null,
                existed(facts, gap.table()) ? null : Severity.INFO)).toList();
    }

    private static boolean existed(MigrationFacts facts, String table) {
        return facts.statements().stream().flatMap(s -> s.tableStats().stream()).anyMatch(t -> !t.created() && t.table().equals(table));
    }
}
