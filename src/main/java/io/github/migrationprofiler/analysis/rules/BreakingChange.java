package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.SchemaChange;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/** A table or column that running code uses was dropped, renamed or retyped: the catalog before and after tells. */
final class BreakingChange extends Rule {

    BreakingChange() {
        super(RuleId.BREAKING_CHANGE, Severity.WARNING,
                "A table or column that running code uses was dropped, renamed or changed type",
                "Expand and contract across releases, so that instances still running the old code keep working "
                        + "during a rolling deploy.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        return facts.schemaChanges().stream().map(change -> new Hit(change.subject(), "The migration " + change.describe()
                + ": " + consequence(change.kind()), 0, advice(change.kind()))).toList();
    }

    /** What instances of the previous release, still serving during a rolling deploy, run into. */
    private static String consequence(SchemaChange.Kind kind) {
        return switch (kind) {
            case DROP_COLUMN, RENAME_COLUMN -> "queries of instances still running the previous release that name the column "
                    + "fail (42703) during a rolling deploy";
            case DROP_TABLE, RENAME_TABLE -> "queries of instances still running the previous release that name the table "
                    + "fail (42P01) during a rolling deploy";
            case TYPE_CHANGE -> "instances still running the previous release may fail on it during a rolling deploy: their "
                    + "prepared statements that return the column fail with 'cached plan must not change result type', and their "
                    + "mapping may expect the old type";
        };
    }

    private static String advice(SchemaChange.Kind kind) {
        return switch (kind) {
            case DROP_COLUMN -> "Drop a column in two releases: first stop using it (JPA/Hibernate: remove the field or mark it "
                    + "@Transient, and deploy), then drop it in a later migration.";
            case DROP_TABLE -> "Drop a table in two releases: first deploy code that no longer uses it, then drop it.";
            case RENAME_COLUMN -> "Rename in steps: add the new column, write both (application or trigger), backfill in batches, "
                    + "switch reads, stop writing the old column, then drop it.";
            case RENAME_TABLE -> "Rename in steps: rename the table and leave a view under the old name (simple views are "
                    + "updatable), move the code to the new name, then drop the view.";
            case TYPE_CHANGE -> "Change a type in steps: add a column of the new type, write both, backfill in batches, switch "
                    + "reads, then drop the old column.";
        };
    }
}
