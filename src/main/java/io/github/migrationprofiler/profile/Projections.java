package io.github.migrationprofiler.profile;

import io.github.migrationprofiler.analysis.Projection;
import io.github.migrationprofiler.stats.ProductionRows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Projects a reviewed migration to production's row counts from its clean runs at several sizes:
 * each statement by the model its work calls for (what PostgreSQL reported doing, not the SQL
 * text), against the table it worked on; then the migration as the sum of its statements, and
 * its longest lock hold as the projected time from the statement that took the lock to the end
 * of its transaction.
 */
final class Projections {

    /** Fewer sizes than this cannot check a model against the points. */
    static final int MIN_SIZES = 3;

    private Projections() {
    }

    /**
     * @param statements the migration's statements, timed by the clean pass at full size
     * @param sizes      the clean runs at each size, smallest first
     * @return the statements with their projections, and the migration's; {@code null} when nothing could be projected
     */
    static Projected project(List<StatementResult> statements, List<ScaledFollower.Timed> sizes, ProductionRows production) {
        if (sizes.size() < MIN_SIZES || sizes.stream().anyMatch(s -> s.run().statements().length != statements.size())) {
            return null;
        }
        List<StatementResult> projected = new ArrayList<>();
        double[] millis = new double[statements.size()];
        double[] low = new double[statements.size()];
        double[] high = new double[statements.size()];
        Projection heaviest = null;
        int heaviestIndex = -1;
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            Projection p = statement(statement, i, sizes, production);
            projected.add(p == null ? statement : statement.projected(p));
            millis[i] = p == null ? statement.millis() : p.millis();
            low[i] = p == null ? statement.millis() : p.lowMillis();
            high[i] = p == null ? statement.millis() : p.highMillis();
            if (p != null && p.model() != Projection.Model.CONSTANT && (heaviest == null || p.millis() > heaviest.millis())) {
                heaviest = p;
                heaviestIndex = i;
            }
        }
        if (heaviest == null) {
            return new Projected(projected, null);
        }
        // what is not a statement (the commits) stays as measured
        ScaledFollower.Timed full = sizes.get(sizes.size() - 1);
        double rest = Math.max(0, full.run().millis() - sum(full.run().statements()));
        List<Projection.Point> points = new ArrayList<>();
        String table = heaviest.table();
        for (ScaledFollower.Timed size : sizes) {
            points.add(new Projection.Point(rows(size, table), size.run().millis()));
        }
        List<String> notes = new ArrayList<>(heaviest.notes());
        long unprojected = java.util.stream.IntStream.range(0, statements.size())
                .filter(i -> projected.get(i).projection() == null && !statements.get(i).tableStats().isEmpty()).count();
        if (unprojected > 0) {
            notes.add(unprojected + " statement(s) on tables without a production row count counted as measured");
        }
        Projection migration = heaviest.asMigration(sum(millis) + rest, sum(low) + rest, sum(high) + rest, points, notes);
        Hold hold = longestHold(statements, millis);
        if (hold != null) {
            migration = migration.withLock(hold.millis, hold.mode);
        }
        return new Projected(projected, migration);
    }

    /** The statements with their projections, and the migration's. */
    record Projected(List<StatementResult> statements, Projection migration) {
    }

    /** A statement's projection to its table's production rows; {@code null} without one. */
    private static Projection statement(StatementResult statement, int index, List<ScaledFollower.Timed> sizes,
                                        ProductionRows production) {
        if (statement.error() != null) {
            return null;
        }
        String table = workedOn(statement);
        Long rows = table == null ? null : production.of(table);
        if (rows == null) {
            return null;
        }
        List<Projection.Point> points = new ArrayList<>();
        for (ScaledFollower.Timed size : sizes) {
            points.add(new Projection.Point(rows(size, table), size.run().statements()[index]));
        }
        Projection fitted = Projection.fit(model(statement, index, sizes), table, points, rows);
        long measured = points.get(points.size() - 1).rows();
        return measured <= 0 ? fitted : statement.work().stream().filter(w -> w.sort() != null && !w.sort().external())
                .filter(w -> w.sort().memoryKb() * ((double) rows / measured) > w.sort().limitKb())
                .findFirst().map(w -> fitted.spilling(String.format(java.util.Locale.ROOT, "at production size the sort of %s "
                        + "needs about %s, beyond maintenance_work_mem (%s): it will spill to disk, an external merge sort slower "
                        + "than these points show", w.object(), megabytes(w.sort().memoryKb() * ((double) rows / measured)),
                        megabytes(w.sort().limitKb()))))
                .orElse(fitted);
    }

    private static String megabytes(double kb) {
        return kb >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f GB", kb / 1024 / 1024)
                : String.format(java.util.Locale.ROOT, "%.0f MB", kb / 1024);
    }

    /**
     * The model the work calls for: an index build sorts, and a foreign key validation joins the
     * table with its parent, whose hash table grows with it (n·log n: their working sets outgrow
     * the caches, and on the benchmark a validation at ten times the rows took 12 to 15 times as
     * long); a scan, rewrite or check reads or writes every row (n), and so does a data change
     * that scans its table or changes more rows as the table grows (n); anything else, an UPDATE
     * of a row by its key included, is constant. A rewrite rebuilds the table's indexes too, but
     * writing the table dominates: linear.
     */
    static Projection.Model model(StatementResult statement, int index, List<ScaledFollower.Timed> sizes) {
        boolean sortsOrJoins = statement.work().stream()
                .anyMatch(w -> w.kind() == Work.Kind.INDEX_BUILD || w.kind() == Work.Kind.FOREIGN_KEY_VALIDATION);
        if (sortsOrJoins && statement.work().stream().noneMatch(w -> w.kind() == Work.Kind.REWRITE)) {
            return Projection.Model.N_LOG_N;
        }
        long fewest = sizes.get(0).run().rows()[index];
        long most = sizes.get(sizes.size() - 1).run().rows()[index];
        boolean scalingChange = most > fewest || statement.plan() != null && !statement.plan().seqScans().isEmpty();
        if (statement.work().stream().anyMatch(w -> w.kind().readsTable()) || !statement.rewrites().isEmpty() || scalingChange) {
            return Projection.Model.LINEAR;
        }
        return Projection.Model.CONSTANT;
    }

    /** The table the work grows with: the largest of those the server named, else of those touched. */
    static String workedOn(StatementResult statement) {
        List<String> named = statement.work().stream().filter(w -> w.kind().readsTable()).map(Work::table).toList();
        return statement.tableStats().stream()
                .filter(t -> named.isEmpty() || named.contains(t.table()))
                .max(Comparator.comparingLong(TableStat::rows))
                .map(TableStat::table)
                .orElse(named.isEmpty() ? null : named.get(0));
    }

    private static long rows(ScaledFollower.Timed size, String table) {
        TableStat stat = size.before().stat(table);
        return stat == null ? 0 : stat.rows();
    }

    private record Hold(double millis, String mode) {
    }

    /** The longest projected hold of a lock that blocks others: from the statement taking it to its transaction's end. */
    private static Hold longestHold(List<StatementResult> statements, double[] millis) {
        Hold longest = null;
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            LockMode strongest = statement.locks().stream().filter(l -> !l.blocks().isEmpty()).map(LockHeld::lockMode)
                    .max(Comparator.naturalOrder()).orElse(null);
            if (strongest == null) {
                continue;
            }
            double held = untilTransactionEnd(statements, millis, i);
            if (longest == null || held > longest.millis) {
                longest = new Hold(held, strongest.display());
            }
        }
        return longest;
    }

    /**
     * How long a lock taken by statement {@code i} stays held: the time of that statement and of
     * the later ones of its transaction ({@code millis}, one per statement), until the transaction ends.
     */
    static double untilTransactionEnd(List<StatementResult> statements, double[] millis, int i) {
        double held = 0;
        for (int j = i; j < statements.size() && statements.get(j).transaction() == statements.get(i).transaction(); j++) {
            held += millis[j];
        }
        return held;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
