package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.GateOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.migrationprofiler.config.Durations.spoken;

/** Applies the thresholds: each migration's verdict, and why. */
public final class Gate {

    /** SQLSTATE of a statement cancelled by statement_timeout. */
    public static final String QUERY_CANCELED = "57014";

    /** @param verdict the outcome; @param reasons which line was crossed, in words */
    public record Judgement(Verdict verdict, List<String> reasons) {
    }

    private final GateOptions options;

    public Gate(GateOptions options) {
        this.options = options;
    }

    /**
     * @param failed     the migration raised an SQL error
     * @param sqlState   that error's SQLSTATE, or {@code null}
     * @param kind       its kind; {@code null} when it failed before anything was measured
     */
    public Judgement judge(boolean failed, String sqlState, double millis, Kind kind, List<Finding> findings) {
        return judge(failed, sqlState, millis, null, kind, findings);
    }

    /**
     * As {@link #judge(boolean, String, double, Kind, List)}, against the projected production
     * runtime when there is one: the thresholds always meant production.
     */
    public Judgement judge(boolean failed, String sqlState, double millis, Projection projection, Kind kind, List<Finding> findings) {
        return judge(failed, sqlState, millis, projection, 0, kind, findings);
    }

    /**
     * As above, and against the longest a concurrent query waited on the migration's locks in the
     * traffic pass ({@code waitMillis}, projected to production's size when the lock hold is).
     */
    public Judgement judge(boolean failed, String sqlState, double millis, Projection projection, double waitMillis, Kind kind,
                           List<Finding> findings) {
        List<String> reasons = new ArrayList<>();
        if (failed && QUERY_CANCELED.equals(sqlState)) {
            reasons.add("cancelled after " + Durations.format(options.timeout()) + " by the timeout (statement_timeout): "
                    + "a deployment would fail the same way, or hold its locks that long on production data");
            return new Judgement(Verdict.CRITICAL, reasons);
        }
        if (failed) {
            reasons.add("SQL error");
            return new Judgement(Verdict.FAILED, reasons);
        }
        Verdict verdict = Verdict.OK;
        double judged = projection == null ? millis : projection.millis();
        String ran = projection == null ? "ran " + spoken(millis)
                : String.format(java.util.Locale.ROOT, "would run about %s at production's %,d rows (projected)", spoken(judged),
                projection.rows());
        if (judged >= options.critical().toMillis()) {
            reasons.add(ran + ", over the critical line of " + Durations.format(options.critical()));
            verdict = Verdict.CRITICAL;
        } else {
            Duration warn = warnLine(kind == null ? Kind.SMALL : kind);
            if (judged >= warn.toMillis()) {
                reasons.add(ran + ", over the warning line of " + Durations.format(warn) + " for "
                        + (kind == null ? Kind.SMALL : kind) + " migrations");
                verdict = Verdict.WARNING;
            }
        }
        if (waitMillis > 0) {
            String waited = String.format(java.util.Locale.ROOT, "a query waited %s on its locks%s", spoken(waitMillis),
                    projection != null && projection.lockMillis() != null ? " (at production's size, projected)" : " in the traffic pass");
            if (waitMillis >= options.trafficCritical().toMillis()) {
                reasons.add(waited + ", over the traffic critical line of " + Durations.format(options.trafficCritical()));
                verdict = Verdict.CRITICAL;
            } else if (waitMillis >= options.trafficWarn().toMillis()) {
                reasons.add(waited + ", over the traffic warning line of " + Durations.format(options.trafficWarn()));
                verdict = verdict.worst(Verdict.WARNING);
            }
        }
        if (options.errorFindingsCritical()) {
            for (Finding finding : findings) {
                if (finding.severity() == Severity.ERROR) {
                    reasons.add("finding " + finding.rule() + " (error), and errorFindingsCritical is on");
                    verdict = Verdict.CRITICAL;
                }
            }
        }
        return new Judgement(verdict, reasons);
    }

    /** The run's own line: all reviewed migrations together. */
    public Judgement judgeTotal(double totalMillis) {
        return judgeTotal(totalMillis, false);
    }

    /** @param projected the total adds projected production runtimes where there are some */
    public Judgement judgeTotal(double totalMillis, boolean projected) {
        if (options.totalCritical() != null && totalMillis >= options.totalCritical().toMillis()) {
            return new Judgement(Verdict.CRITICAL, List.of("all migrations together " + (projected ? "would run about " : "ran ")
                    + spoken(totalMillis) + (projected ? " in production (projected where production's rows are known)" : "")
                    + ", over the total critical line of " + Durations.format(options.totalCritical())));
        }
        return new Judgement(Verdict.OK, List.of());
    }

    public Duration warnLine(Kind kind) {
        return switch (kind) {
            case SMALL -> options.warnSmall();
            case MEDIUM -> options.warnMedium();
            case LARGE -> options.warnLarge();
        };
    }
}
