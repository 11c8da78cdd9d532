package io.github.migrationprofiler.result;

import io.github.migrationprofiler.config.Durations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A runtime projected to production's row count from runs at several sizes: a model chosen from
 * what the statement did, fitted to the points, checked against them, and extrapolated with a range.
 *
 * @param table         the table whose rows the work grows with (for a migration: that of its heaviest statement)
 * @param rows          that table's production rows
 * @param millis        the projected runtime at {@code rows}
 * @param lowMillis     the low end of the range
 * @param highMillis    the high end of the range
 * @param lockMillis    the longest lock hold, projected the same way ({@code null} for a statement, or when no lock was held)
 * @param lockMode      the mode of that lock
 * @param model         how the runtime grows with the rows
 * @param a             the fitted fixed cost, ms ({@code null} for the constant model)
 * @param b             the fitted cost per unit of the model's growth term (a row, or n·log n), ms
 * @param fit           R² of the fit to the points (1 = exact); {@code null} for the constant model
 * @param lowConfidence production is more than {@link #FAR} times the largest measured size away
 * @param points        the measured sizes: the table's rows and the runtime there
 * @param notes         where the points and the model disagree, or what else widens the range, in words
 */
public record Projection(String table, long rows, double millis, double lowMillis, double highMillis, Double lockMillis,
                         String lockMode, Model model, Double a, Double b, Double fit, boolean lowConfidence, List<Point> points,
                         List<String> notes) {

    /** A measured size: the rows of the table the work grows with, and the runtime. */
    public record Point(long rows, double millis) {
    }

    /** How a runtime grows with the rows it works on. */
    public enum Model {
        /** Catalog work only: the same at any size. */
        CONSTANT("constant"),
        /** Scans, rewrites, validations, data changes. */
        LINEAR("a + b·n"),
        /** Index builds and other sorts. */
        N_LOG_N("a + b·n·log n");

        private final String json;

        Model(String json) {
            this.json = json;
        }
        public String json() {
            return json;
        }

        public double of(double n) {
            return switch (this) {
                case CONSTANT -> 0;
                case LINEAR -> n;
                case N_LOG_N -> n <= 1 ? n : n * Math.log(n);
            };
        }
    }

    public Projection {
        points = points == null ? List.of() : List.copyOf(points);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * This projection with {@code millis} more, for a cost the points could not show (measured
     * apart, so less certain than they are: the low end stays where the points put it), and
     * {@code why} among the notes.
     */
    public Projection plus(double millis, String why) {
        List<String> all = new ArrayList<>(notes);
        all.add(why);
        return new Projection(table, rows, round(this.millis + millis), lowMillis, round(highMillis + millis), lockMillis,
                lockMode, model, a, b, fit, lowConfidence, points, all);
    }

    /** This statement-level projection with a lock hold, for the migration's summary. */
    public Projection withLock(double lockMillis, String lockMode) {
        return new Projection(table, rows, millis, lowMillis, highMillis, round(lockMillis), lockMode, model, a, b, fit,
                lowConfidence, points, notes);
    }

    /** The fitted runtime at {@code n} rows, to draw the curve through the points. */
    public double at(long n) {
        return a == null || b == null ? millis : a + b * model.of(n);
    }

    /** "about 3 min 28 s (3 min 5 s – 3 min 55 s) at 40,000,000 rows". */
    public String describe() {
        return String.format(Locale.ROOT, "about %s (%s – %s) at %,d rows", Durations.spoken(millis),
                Durations.spoken(lowMillis), Durations.spoken(highMillis), rows) + (lowConfidence ? ", low confidence" : "");
    }

    /**
     * "0.52 s at 100,000 rows → about 3 min 28 s (3 min 5 s – 3 min 55 s) at 40,000,000 rows;
     * ACCESS EXCLUSIVE held as long": the measured runtime, where it leads, and the lock.
     */
    public String sentence(double measuredMillis) {
        long measuredRows = points.isEmpty() ? 0 : points.get(points.size() - 1).rows();
        String lock = lockMillis == null ? ""
                : Math.abs(lockMillis - millis) <= 0.05 * millis ? "; " + lockMode + " held as long"
                : "; " + lockMode + " held about " + Durations.spoken(lockMillis);
        return String.format(Locale.ROOT, "%s at %,d rows → %s", Durations.spoken(measuredMillis), measuredRows, describe()) + lock;
    }

    /** The same, measured at the largest size the projection ran at. */
    public String sentence() {
        return sentence(points.isEmpty() ? millis : points.get(points.size() - 1).millis());
    }

    private static double round(double millis) {
        return Math.round(millis * 1_000.0) / 1_000.0;
    }
}
