package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.SchemaChange;
import io.github.migrationprofiler.result.TableStat;

import java.util.List;
import java.util.Locale;

/** {@code ALTER COLUMN … TYPE} to a type that is not binary-coercible rewrites the table and its indexes. */
final class ColumnTypeRewrite extends RewriteRule {

    ColumnTypeRewrite() {
        super(RuleId.COLUMN_TYPE_REWRITE,
                "ALTER COLUMN … TYPE to a type that is not binary-coercible rewrote an existing table and its indexes",
                "Expand and contract: add a column of the new type, write both (trigger or application), backfill in batches, "
                        + "switch reads, then drop the old column. Widening varchar, varchar→text and raising numeric "
                        + "precision need no rewrite.",
                true);
    }

    @Override
    List<Hit> hits(MigrationFacts facts, Step step, TableStat table, String message) {
        List<String> columns = retyped(facts, step, table.table());
        return columns.stream().map(c -> new Hit(table.table() + "." + c, message, step.statement().millis() / columns.size())).toList();
    }

    /** The columns a type change named whose type the catalog shows changed (all it named, if the catalog was not read). */
    private static List<String> retyped(MigrationFacts facts, Step step, String table) {
        List<String> named = Operations.typeChangedColumns(step);
        List<String> changed = facts.schemaChanges().stream()
                .filter(c -> c.kind() == SchemaChange.Kind.TYPE_CHANGE && c.table().equals(table))
                .map(c -> c.column().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
        List<String> both = named.stream().filter(changed::contains).toList();
        return both.isEmpty() ? named : both;
    }
}
