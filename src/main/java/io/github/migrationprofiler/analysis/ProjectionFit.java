package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.Projection.Model;
import io.github.migrationprofiler.result.Projection.Point;
import io.github.migrationprofiler.result.Projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fits a model of how a runtime grows to runs at several sizes, checks it against them, and
 * extrapolates to production's row count with a range (see {@link Projection}).
 */
public final class ProjectionFit {

    /** Beyond this many times the largest measured size, a projection is marked low-confidence. */
    static final double FAR = 1_000;

    /**
     * No range is narrower than this below the projection, nor than {@link #MIN_ABOVE} above it: a
     * fit through three points says little about the tenth. On the projection benchmark (eight
     * kinds of migration, fitted up to 100,000 rows, measured at 1,000,000) the measured runtime
     * was up to 36 % above the projection and at most 22 % below: at ten times the rows, caches
     * hold less of the table and of the sort.
     */
    static final double MIN_BELOW = 0.15;

    /** See {@link #MIN_BELOW}. */
    static final double MIN_ABOVE = 0.30;

    /**
     * How much slower the high end allows for an index build whose sort fits in memory at the
     * measured sizes and spills to disk at production's: on the benchmark machine an external sort
     * of a 1,000,000-row text index ran as fast as the in-memory one (the files stayed in the page
     * cache); on production's disks it need not.
     */
    static final double SPILL = 1.5;

    /**
     * A largest point shorter than this, projected more than {@link #MAGNIFIED} times beyond it,
     * has its range widened to {@link #SHORT_BELOW} and {@link #SHORT_ABOVE}: a run of a hundred
     * milliseconds differs by a fifth from one profile to the next (caches, the CPU's clock, what
     * else the machine does), and the slope through three such points by twice that. Measured:
     * the same migration (two index builds, 117 to 161 ms at 100,000 rows) projected to
     * 100,000,000 rows came out between 1 min 34 s and 4 min 4 s over eight profiles; repeating
     * each point five times within a profile (their spread: 10 %) did not narrow that.
     */
    static final double SHORT_MILLIS = 250;

    /** See {@link #SHORT_MILLIS}. */
    static final double MAGNIFIED = 100;

    /** See {@link #SHORT_MILLIS}. */
    static final double SHORT_BELOW = 0.4;

    /** See {@link #SHORT_MILLIS}. */
    static final double SHORT_ABOVE = 0.6;

    /** Below this, growth between the sizes is timer and scheduling noise, not work. */
    private static final double NOISE_MILLIS = 2;

    private ProjectionFit() {
    }

    /**
     * Fits {@code model} (what the statement did says which) to the points and projects to
     * {@code productionRows}. The points may overrule the model: "constant" work that grew clearly
     * is linear, and table work whose runtime fell as the table grew (noise over sizes too small
     * to tell) is constant, and says so.
     *
     * @param points at least two sizes of the table; more make the check meaningful
     */
    public static Projection fit(Model model, String table, List<Point> points, long productionRows) {
        List<Point> sorted = points.stream().sorted(Comparator.comparingLong(Point::rows)).toList();
        List<String> notes = new ArrayList<>();
        Model m = checked(model, sorted, notes);
        Point largest = sorted.get(sorted.size() - 1);
        double magnified = largest.rows() > 0 ? (double) productionRows / largest.rows() : 0;
        boolean far = magnified > FAR;
        if (m == Model.CONSTANT) {
            double median = sorted.stream().mapToDouble(Point::millis).sorted().skip((sorted.size() - 1) / 2).findFirst().orElse(0);
            double low = sorted.stream().mapToDouble(Point::millis).min().orElse(0);
            double high = sorted.stream().mapToDouble(Point::millis).max().orElse(0);
            return new Projection(table, productionRows, round(median), round(low), round(high), null, null, m, null, null, null,
                    far, sorted, notes);
        }
        double[] x = sorted.stream().mapToDouble(p -> m.of(p.rows())).toArray();
        double[] y = sorted.stream().mapToDouble(Point::millis).toArray();
        double[] line = leastSquares(x, y);
        double a = line[0];
        double b = line[1];
        if (a < 0) { // a negative fixed cost is noise: through the origin instead
            a = 0;
            b = dot(x, y) / dot(x, x);
        }
        double target = m.of(productionRows);
        double projected = a + b * target;
        // each point's own cost per unit of work spans what the fit's slope could be
        double lowSlope = b;
        double highSlope = b;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                double slope = Math.max(0, y[i] - a) / x[i];
                lowSlope = Math.min(lowSlope, slope);
                highSlope = Math.max(highSlope, slope);
            }
        }
        double r2 = rSquared(x, y, a, b);
        double[] range = widened(m, x, y, r2, projected, new double[] {Math.min(a + lowSlope * target, projected * (1 - MIN_BELOW)),
                Math.max(a + highSlope * target, projected * (1 + MIN_ABOVE))}, largest, magnified, notes);
        return new Projection(table, productionRows, round(projected), round(Math.max(0, range[0])), round(range[1]), null, null, m,
                round(a), b, Math.round(r2 * 1000) / 1000.0, far, sorted, notes);
    }

    /**
     * The model the work calls for, unless the points overrule it: "constant" work that grew
     * clearly is linear, and table work whose runtime fell as the table grew (noise over sizes too
     * small to tell) is constant, and says so in {@code notes}.
     */
    private static Model checked(Model model, List<Point> sorted, List<String> notes) {
        Point smallest = sorted.get(0);
        Point largest = sorted.get(sorted.size() - 1);
        boolean grew = largest.rows() > smallest.rows() && largest.millis() - smallest.millis() > NOISE_MILLIS
                && largest.millis() > 1.3 * smallest.millis();
        if (model == Model.CONSTANT && grew) {
            notes.add("grew with the rows although PostgreSQL reported no table work: projected as a + b·n");
            return Model.LINEAR;
        }
        if (model != Model.CONSTANT && !(largest.rows() > smallest.rows() && largest.millis() > smallest.millis())) {
            notes.add("did not grow across the measured sizes (" + smallest.rows() + " to " + largest.rows()
                    + " rows): too few rows to tell how it grows; seed more (seed.scale)");
            return Model.CONSTANT;
        }
        return model;
    }

    /**
     * The range {@code {low, high}} widened where the points give less confidence than their fit:
     * they do not follow the model, their cost per row grows, they are short and far from
     * production, or production is far beyond them; each reason in {@code notes}.
     */
    private static double[] widened(Model m, double[] x, double[] y, double r2, double projected, double[] range, Point largest,
                                    double magnified, List<String> notes) {
        double low = range[0];
        double high = range[1];
        if (x.length >= 3 && r2 < 0.9) {
            notes.add(String.format(Locale.ROOT, "the points do not follow %s well (R² %.2f): range widened", m.json(), r2));
            low = Math.min(low, projected / 2);
            high = Math.max(high, projected * 2);
        } else if (x.length >= 3 && convex(x, y)) {
            notes.add("the runtime per row grew from one size to the next: production may be slower still");
            high = Math.max(high, projected * 1.5);
        }
        if (largest.millis() < SHORT_MILLIS && magnified > MAGNIFIED) {
            notes.add(String.format(Locale.ROOT, "projected %,.0f times beyond its largest point (%s at %,d rows): runs this short "
                    + "vary from one profile to the next, and the projection by about half with them; range widened (a larger "
                    + "seed.scale measures closer)", magnified, Durations.spoken(largest.millis()), largest.rows()));
            low = Math.min(low, projected * (1 - SHORT_BELOW));
            high = Math.max(high, projected * (1 + SHORT_ABOVE));
        }
        if (magnified > FAR) {
            notes.add(String.format(Locale.ROOT, "production is %,.0f times the largest measured size: low confidence", magnified));
        }
        return new double[] {low, high};
    }

    /** Work that the measured sizes did in memory and production will not: said, and the range widened upwards. */
    public static Projection spilling(Projection p, String why) {
        List<String> all = new ArrayList<>(p.notes());
        all.add(why + "; range widened");
        return new Projection(p.table(), p.rows(), p.millis(), p.lowMillis(), round(Math.max(p.highMillis(), p.millis() * SPILL)),
                p.lockMillis(), p.lockMode(), p.model(), p.a(), p.b(), p.fit(), p.lowConfidence(), p.points(), all);
    }

    /**
     * This projection (of a migration's heaviest statement) for the whole migration: the sums of
     * its statements' projections, and the migration's own points with this model's curve fitted
     * to them, for drawing.
     */
    public static Projection asMigration(Projection p, double millis, double lowMillis, double highMillis, List<Point> points, List<String> notes) {
        Double ma = null;
        Double mb = null;
        if (p.model() != Model.CONSTANT && points.size() >= 2) {
            double[] x = points.stream().mapToDouble(point -> p.model().of(point.rows())).toArray();
            double[] line = leastSquares(x, points.stream().mapToDouble(Point::millis).toArray());
            ma = round(line[0]);
            mb = line[1];
        }
        return new Projection(p.table(), p.rows(), round(millis), round(lowMillis), round(highMillis), p.lockMillis(), p.lockMode(),
                p.model(), ma, mb, p.fit(), p.lowConfidence(), points, notes);
    }

    private static double[] leastSquares(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {my - b * mx, b};
    }

    private static double rSquared(double[] x, double[] y, double a, double b) {
        double my = mean(y);
        double total = 0;
        double residual = 0;
        for (int i = 0; i < x.length; i++) {
            total += (y[i] - my) * (y[i] - my);
            residual += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]);
        }
        return total == 0 ? 1 : Math.max(0, 1 - residual / total);
    }

    /** Each step's cost per unit of work is clearly above the step before's. */
    private static boolean convex(double[] x, double[] y) {
        for (int i = 2; i < x.length; i++) {
            double before = (y[i - 1] - y[i - 2]) / (x[i - 1] - x[i - 2]);
            double after = (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
            if (!(after > 1.5 * before && before > 0)) {
                return false;
            }
        }
        return x.length >= 3;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double round(double millis) {
        return Math.round(millis * 1_000.0) / 1_000.0;
    }
}
