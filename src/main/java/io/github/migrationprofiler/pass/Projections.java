package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.analysis.ProjectionFit;
import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Work;
import io.github.migrationprofiler.stats.ProductionRows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

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
     * @param probes     the server's hash probe costs, for foreign key validations whose parent grows; {@code null} without
     * @return the statements with their projections, and the migration's; {@code null} when nothing could be projected
     */
    static Projected project(List<StatementResult> statements, List<ScaledFollower.Timed> sizes, ProductionRows production,
                             HashProbes probes) {
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
            Projection p = statement(statement, i, sizes, production, probes);
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
        long unprojected = IntStream.range(0, statements.size())
                .filter(i -> projected.get(i).projection() == null && !statements.get(i).tableStats().isEmpty()).count();
        if (unprojected > 0) {
            notes.add(unprojected + " statement(s) on tables without a production row count counted as measured");
        }
        Projection migration = ProjectionFit.asMigration(heaviest, sum(millis) + rest, sum(low) + rest, sum(high) + rest, points, notes);
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
                                        ProductionRows production, HashProbes probes) {
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
        Projection fitted = ProjectionFit.fit(model(statement, index, sizes), table, points, rows);
        long measured = points.get(points.size() - 1).rows();
        Projection projection = measured <= 0 ? fitted : statement.work().stream().filter(w -> w.sort() != null && !w.sort().external())
                .filter(w -> w.sort().memoryKb() * ((double) rows / measured) > w.sort().limitKb())
                .findFirst().map(w -> ProjectionFit.spilling(fitted, String.format(Locale.ROOT, "at production size the sort of %s "
                        + "needs about %s, beyond maintenance_work_mem (%s): it will spill to disk, an external merge sort slower "
                        + "than these points show", w.object(), megabytes(w.sort().memoryKb() * ((double) rows / measured)),
                        megabytes(w.sort().limitKb()))))
                .orElse(fitted);
        for (Work validation : statement.work()) {
            if (validation.kind() == Work.Kind.FOREIGN_KEY_VALIDATION && validation.references() != null) {
                projection = parentGrowing(projection, validation, sizes.get(sizes.size() - 1), production, probes);
            }
        }
        return projection;
    }

    /**
     * A foreign key validation whose parent is larger in production than at the largest measured
     * size: each of the table's production rows probes a larger hash table of the parent's keys,
     * which costs more per probe once it outgrows the CPU's caches ({@link HashProbes}); and a hash
     * table beyond {@code maintenance_work_mem} makes the join spill to temporary files.
     */
    private static Projection parentGrowing(Projection projection, Work validation, ScaledFollower.Timed largest,
                                            ProductionRows production, HashProbes probes) {
        String parent = validation.references();
        Long parentRows = production.of(parent);
        Long probing = production.of(validation.table());
        long counted = rows(largest, parent);
        // a validation that passed found every key, so the parent had rows even where statistics count none (never analyzed)
        long measured = Math.max(1, counted);
        if (parentRows == null) {
            return projection.plus(0, parent + " has no production row count: the cost of probing a larger hash of its keys "
                    + "is not counted");
        }
        if (probes == null || probing == null || parentRows <= measured) {
            return projection;
        }
        try {
            long fitting = probes.fittingKeys();
            long to = Math.min(parentRows, fitting);
            double extraNanos = to > measured ? probes.extraNanosPerProbe(measured, to) : 0;
            Projection grown = extraNanos * probing < 1e6 ? projection : projection.plus(extraNanos * probing / 1e6,
                    String.format(Locale.ROOT, "each row probes a hash of the keys of %s, %,d in production against %s measured: "
                            + "%.0f ns more a probe on this server (measured apart), +%s", parent, parentRows,
                            counted > 0 ? String.format(Locale.ROOT, "%,d", counted) : "a few (not analyzed)", extraNanos,
                            Durations.spoken(extraNanos * probing / 1e6)));
            return parentRows <= fitting || measured > fitting ? grown : ProjectionFit.spilling(grown, String.format(Locale.ROOT, "at production size the hash of "
                    + "the keys of %s needs about %s, beyond maintenance_work_mem (%s): the validation will join in batches through "
                    + "temporary files, slower than these points show", parent,
                    megabytes(parentRows * (double) HashProbes.BYTES_PER_KEY / 1024), megabytes(fitting * HashProbes.BYTES_PER_KEY / 1024.0)));
        } catch (SQLException e) {
            return projection.plus(0, "the cost of probing a larger hash of the keys of " + parent + " could not be measured: "
                    + e.getMessage());
        }
    }

    private static String megabytes(double kb) {
        return kb >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f GB", kb / 1024 / 1024)
                : String.format(Locale.ROOT, "%.0f MB", kb / 1024);
    }

    /**
     * The model the work calls for: an index build sorts (n·log n); a scan, rewrite, check or
     * foreign key validation reads or writes every row (n), and so does a data change that scans
     * its table or changes more rows as the table grows (n); anything else, an UPDATE of a row by
     * its key included, is constant. A rewrite rebuilds the table's indexes too, but writing the
     * table dominates: linear. A validation probes a hash of the parent's keys with every row: its
     * cost per row rises when that hash outgrows the CPU's caches, which {@link HashProbes}
     * measures rather than the model assuming it.
     */
    static Projection.Model model(StatementResult statement, int index, List<ScaledFollower.Timed> sizes) {
        if (statement.work().stream().anyMatch(w -> w.kind() == Work.Kind.INDEX_BUILD)
                && statement.work().stream().noneMatch(w -> w.kind() == Work.Kind.REWRITE)) {
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
        double[] holds = untilTransactionEnd(statements, millis);
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            LockMode strongest = statement.locks().stream().filter(l -> !l.blocks().isEmpty()).map(LockHeld::lockMode)
                    .max(Comparator.naturalOrder()).orElse(null);
            if (strongest == null) {
                continue;
            }
            double held = holds[i];
            if (longest == null || held > longest.millis) {
                longest = new Hold(held, strongest.display());
            }
        }
        return longest;
    }

    /**
     * How long a lock taken by each statement stays held: the time of that statement and of the
     * later ones of its transaction ({@code millis}, one per statement), until the transaction ends.
     * Summed from the end, once: a migration may run thousands of statements in one transaction.
     */
    static double[] untilTransactionEnd(List<StatementResult> statements, double[] millis) {
        double[] held = new double[statements.size()];
        for (int j = statements.size() - 1; j >= 0; j--) {
            boolean last = j + 1 == statements.size() || statements.get(j + 1).transaction() != statements.get(j).transaction();
            held[j] = millis[j] + (last ? 0 : held[j + 1]);
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
