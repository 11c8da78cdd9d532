package io.github.migrationprofiler.run;

import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.TableStat;

import java.util.Locale;

/**
 * What the seeded rows mean for a migration's figures. A migration that fails on the data of a
 * table the seeder filled may be right for production's rows: it says so, with what the seeder
 * can be told, rather than leave the failure looking like a bug in the migration only. And a
 * migration whose work grows with the rows, measured on a table the seeder left nearly empty,
 * says that its figures say little about production.
 */
final class SyntheticRows {

    private SyntheticRows() {
    }

    /** Under this share of the scale's child rows a table says nothing about production's sizes. */
    private static final double THIN = 0.01;

    /**
     * A reviewed migration of data-dependent work (MEDIUM or LARGE: scans, builds, rewrites, data
     * changes) on a table that existed before it and held some rows, but under 1 % of the scale's
     * child rows. An empty one is a seeding gap, said as one, or a table the migrations fill.
     */
    static MigrationResult thin(MigrationResult migration, SeedSummary seeded) {
        if (migration.kind() == null || migration.kind() == Kind.SMALL || seeded.childRows() <= 0) {
            return migration;
        }
        long line = Math.round(seeded.childRows() * THIN);
        return migration.statements().stream().flatMap(s -> s.tableStats().stream())
                .filter(t -> !t.created() && t.rows() > 0 && t.rows() < line).map(TableStat::table).distinct().findFirst()
                .map(table -> migration.withWarning(String.format(Locale.ROOT, "measured on %s with %,d rows, under 1 %% of the "
                        + "scale's %,d child rows: its runtime and locks say little about production's; give production's "
                        + "counts (productionRows, the stats goal) or rowCounts (docs/seeding.md)", table,
                        rowsOf(migration, table), seeded.childRows())))
                .orElse(migration);
    }

    private static long rowsOf(MigrationResult migration, String table) {
        return migration.statements().stream().flatMap(s -> s.tableStats().stream()).filter(t -> t.table().equals(table))
                .mapToLong(TableStat::rows).min().orElse(0);
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
