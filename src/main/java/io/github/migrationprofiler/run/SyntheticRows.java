package io.github.migrationprofiler.run;

import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.SqlError;

import java.util.Locale;

/**
 * A migration that fails on the data of a table the seeder filled may be right for production's
 * rows: it says so, with what the seeder can be told, rather than leave the failure looking like
 * a bug in the migration only.
 */
final class SyntheticRows {

    private SyntheticRows() {
    }

    static MigrationResult explain(MigrationResult migration, SeedSummary seeded) {
        SqlError error = migration.error();
        if (error == null || !error.aboutData() || error.table() == null) {
            return migration;
        }
        String bare = error.table().substring(error.table().indexOf('.') + 1);
        return seeded.tables().stream()
                .filter(t -> t.rows() > 0 && (t.table().equals(error.table()) || Table.pomName(t.table()).equals(bare)))
                .findFirst()
                .map(t -> migration.withWarning(String.format(Locale.ROOT, "%s holds %,d synthetic rows. If production's rows "
                        + "satisfy this migration, tell the seeder what the schema does not say (valuePatterns, jsonSamples), or "
                        + "leave the table empty with <rowCounts><%s>0</%s></rowCounts>; docs/seeding.md", t.table(), t.rows(),
                        Table.pomName(t.table()), Table.pomName(t.table()))))
                .orElse(migration);
    }
}
