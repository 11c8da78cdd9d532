package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.PlanSummary;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * A statement whose work grows faster than its tables' rows: a join that makes or tries far more
 * row pairs than the tables hold (from the plan), or runtimes at the projection sizes that grow
 * faster than the rows (measured). Ten times the rows is then far more than ten times the time,
 * and batching does not help: each batch pays the join again.
 */
final class SuperlinearWork extends Rule {

    /** Below this a statement's times are too small to tell growth from noise. */
    private static final double MIN_MILLIS = 20;

    SuperlinearWork() {
        super(RuleId.SUPERLINEAR_WORK, Severity.WARNING,
                "A statement's work grows faster than its tables' rows (a join without a usable condition)",
                "The cost is the join, not the number of rows changed, so batching does not help: give the join a "
                        + "condition that pairs each row with few others (join on a key, add the missing column to the "
                        + "condition, or precompute the values once in a keyed temporary table), and check the plan with EXPLAIN.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        for (Step step : facts.steps()) {
            StatementResult statement = step.statement();
            if (statement.millis() < MIN_MILLIS) {
                continue;
            }
            Growth growth = measured(statement.projection());
            if (growth == null) {
                growth = planned(statement.plan());
            }
            if (growth != null) {
                hits.add(new Hit(statement.tableStats().isEmpty() ? "statement at line " + statement.line()
                        : statement.tableStats().get(0).table(), message(statement, growth), statement.millis()));
            }
        }
        return hits;
    }

    /** {@code k} in runtime ~ n^k, where it comes from, and the rows {@code n} is measured in. */
    private record Growth(double k, String evidence, long rows) {
    }

    /** From the runtimes at the projection sizes, smallest to largest; {@code null} when they grow as the rows do. */
    private static Growth measured(Projection projection) {
        if (projection == null || projection.points().size() < 2) {
            return null;
        }
        Projection.Point small = projection.points().get(0);
        Projection.Point large = projection.points().get(projection.points().size() - 1);
        if (small.rows() <= 0 || large.rows() < 2 * small.rows() || small.millis() <= 0 || large.millis() < MIN_MILLIS) {
            return null;
        }
        double k = Math.log(large.millis() / small.millis()) / Math.log((double) large.rows() / small.rows());
        return k < PlanSummary.SUPERLINEAR ? null : new Growth(k, String.format(Locale.ROOT, "measured: %s at %,d rows, %s at %,d",
                spoken(small.millis()), small.rows(), spoken(large.millis()), large.rows()), large.rows());
    }

    /** From the plan's estimates; {@code null} when its joins make about as many pairs as the tables have rows. */
    private static Growth planned(PlanSummary plan) {
        if (plan == null || plan.growth() < PlanSummary.SUPERLINEAR) {
            return null;
        }
        return new Growth(plan.growth(), String.format(Locale.ROOT, "the plan pairs about %,d rows from tables of at most %,d",
                plan.pairRows(), plan.scanRows()), plan.scanRows());
    }

    private static String message(StatementResult statement, Growth growth) {
        double factor = Math.pow(10, growth.k());
        String production = "";
        Projection projection = statement.projection();
        if (projection != null && projection.table() != null && projection.rows() > 0 && !projection.points().isEmpty()) {
            long measured = projection.points().get(projection.points().size() - 1).rows();
            if (measured > 0 && projection.rows() > measured) {
                production = String.format(Locale.ROOT, ", and about %s at production's %,d rows of %s", spoken(statement.millis()
                        * Math.pow((double) projection.rows() / measured, growth.k())), projection.rows(), projection.table());
            }
        }
        return String.format(Locale.ROOT, "The statement at line %d took %s, and its work grows as n^%.1f (%s): at 10× the rows "
                        + "(%,d) about %,.0f× the time, %s%s", statement.line(), spoken(statement.millis()), growth.k(),
                growth.evidence(), 10 * growth.rows(), factor, spoken(statement.millis() * factor), production);
    }
}
