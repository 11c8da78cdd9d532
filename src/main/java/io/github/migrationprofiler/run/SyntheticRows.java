package io.github.migrationprofiler.run;

import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.TableStat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** {@code invalid input syntax for type uuid: "MODERN-9bhfiwaq"}, {@code invalid value "boot" for "YYYY"}: the value read. */
    private static final Pattern REJECTED = Pattern.compile("(?:invalid input syntax for type ([\\w ]+)|invalid value): \"(.*?)\"");
    private static final Pattern COLUMN = Pattern.compile("column \"([^\"]+)\"");

    /**
     * A migration that failed on data: the table, column and value the error names, that the seeder
     * made them, and what it can be told. Without a table in the error (a cast, a format) the value
     * rejected is named, since seeded text is the usual cause when production's rows pass.
     */
    static MigrationResult explain(MigrationResult migration, SeedSummary seeded) {
        SqlError error = migration.error();
        if (error == null || !error.aboutData() || seeded.tables().stream().noneMatch(t -> t.rows() > 0)) {
            return migration;
        }
        Matcher rejected = REJECTED.matcher(error.message());
        if (error.table() == null) {
            return !rejected.find() ? migration : migration.withWarning(String.format(Locale.ROOT, "The value \"%s\" it could not read "
                    + "as %s is likely one the seeder made: a column the migration reads is seeded in a form the seeder did not "
                    + "learn from the migrations. If production's values all have the form, tell the seeder: <valuePatterns>"
                    + "<table.column>regex</table.column></valuePatterns> for a text column, jsonSamples for a JSON key; "
                    + "docs/seeding.md", rejected.group(2), rejected.group(1) == null ? "the format asks" : rejected.group(1).strip()));
        }
        String bare = error.table().substring(error.table().indexOf('.') + 1);
        Matcher column = COLUMN.matcher(error.message());
        String where = column.find() ? " (column " + column.group(1) + ")" : "";
        return seeded.tables().stream()
                .filter(t -> t.rows() > 0 && (t.table().equals(error.table()) || Table.pomName(t.table()).equals(bare)))
                .findFirst()
                .map(t -> migration.withWarning(String.format(Locale.ROOT, "%s holds %,d rows the seeder made, and the migration "
                        + "failed on them%s. If production's rows satisfy this migration, tell the seeder what the schema does not say "
                        + "(valuePatterns, jsonSamples), or leave the table empty with <rowCounts><%s>0</%s></rowCounts>; "
                        + "docs/seeding.md", t.table(), t.rows(), where, Table.pomName(t.table()), Table.pomName(t.table()))))
                .orElse(migration);
    }
}
