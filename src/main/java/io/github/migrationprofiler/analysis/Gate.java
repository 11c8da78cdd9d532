package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.FailOn;
import io.github.migrationprofiler.config.GateOptions;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TrafficHold;
import io.github.migrationprofiler.result.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.github.migrationprofiler.config.Durations.spoken;

/** Applies the thresholds: each migration's verdict, and why. */
public final class Gate {

    /** SQLSTATE of a statement cancelled by statement_timeout. */
    public static final String QUERY_CANCELED = "57014";

    /** @param verdict the outcome; @param reasons which line was crossed, in words */
    public record Judgement(Verdict verdict, List<String> reasons) {
    }

    private final GateOptions options;
    private final boolean requireRollback;

    public Gate(GateOptions options) {
        this(options, false);
    }

    /** @param requireRollback a reviewed migration without an undo is a warning, not information */
    public Gate(GateOptions options, boolean requireRollback) {
        this.options = options;
        this.requireRollback = requireRollback;
    }

    /**
     * @param failed     the migration raised an SQL error
     * @param sqlState   that error's SQLSTATE, or {@code null}
     * @param kind       its kind; {@code null} when it failed before anything was measured
     */
    public Judgement judge(boolean failed, String sqlState, double millis, Kind kind, List<Finding> findings) {
        return judge(failed, sqlState, millis, null, null, kind, findings);
    }

    /**
     * The verdict, against the projected production runtime when there is one (the thresholds
     * always meant production), against how long the migration held a lock the traffic pass's
     * queries waited for ({@code hold}, {@code null} when none waited), and its findings: a
     * migration with a finding of severity warning or error is never OK.
     */
    public Judgement judge(boolean failed, String sqlState, double millis, Projection projection, TrafficHold hold, Kind kind,
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
                : String.format(Locale.ROOT, "would run about %s at production's %,d rows (projected)", spoken(judged),
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
        if (hold != null && hold.millis() >= options.trafficCritical().toMillis()) {
            reasons.add("held " + hold.describe() + " while the traffic's queries waited, over the traffic critical line of "
                    + Durations.format(options.trafficCritical()));
            verdict = Verdict.CRITICAL;
        }
        List<String> serious = findings.stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.rule() + " (" + f.severity().json() + ")").toList();
        if (!serious.isEmpty()) {
            reasons.add((serious.size() == 1 ? "finding " : "findings ") + String.join(", ", serious));
            verdict = verdict.worst(Verdict.WARNING);
        }
        return new Judgement(verdict, reasons);
    }

    /**
     * Each migration's verdict against the thresholds, and the run's: the worst of them, or the
     * total's line; the thresholds as the reports write them.
     */
    public RunResult judge(RunResult run) {
        List<MigrationResult> judged = run.migrations().stream().map(m -> !m.applied() ? m : judge(m)).toList();
        boolean projected = judged.stream().anyMatch(m -> m.projection() != null);
        Judgement total = judgeTotal(projected ? judged.stream().mapToDouble(MigrationResult::judgedMillis).sum()
                : run.totals().millis(), projected);
        Verdict verdict = judged.stream().map(MigrationResult::verdict).filter(Objects::nonNull)
                .reduce(total.verdict(), Verdict::worst);
        return run.judged(judged, new RunResult.GateSummary(verdict, total.reasons(), thresholds()));
    }

    private MigrationResult judge(MigrationResult m) {
        Judgement judgement = judge(m.failed(), m.error() == null ? null : m.error().sqlState(), m.millis(), m.projection(),
                m.trafficHold(), m.kind(), m.findings());
        Judgement undo = m.failed() ? null : judge(m.rollback());
        if (undo == null || undo.reasons().isEmpty()) {
            return m.judged(judgement.verdict(), judgement.reasons());
        }
        List<String> reasons = new ArrayList<>(judgement.reasons());
        reasons.addAll(undo.reasons());
        return m.judged(judgement.verdict().worst(undo.verdict()), reasons);
    }

    /**
     * The migration's undo, judged as a migration beyond the rollback rules' findings (failed,
     * incomplete, lost data): its runtime, projected to production's rows when it can be, against
     * the lines of its kind; its findings under the forward rules (it rewrites a table, say) and a
     * missing undo where the project requires one are warnings. Each reason starts "rollback ".
     */
    Judgement judge(Rollback rollback) {
        List<String> reasons = new ArrayList<>();
        Verdict verdict = Verdict.OK;
        if (rollback == null) {
            return new Judgement(verdict, reasons);
        }
        if (rollback.millis() != null && rollback.kind() != null) {
            Judgement time = judge(false, null, rollback.millis(), rollback.projection(), null, rollback.kind(), List.of());
            time.reasons().forEach(r -> reasons.add(Rollback.REASON + r));
            verdict = time.verdict();
        }
        if (rollback.status() == Rollback.Status.NOT_REVERSIBLE && requireRollback) {
            reasons.add(Rollback.REASON + "missing (requireRollback): " + rollback.error());
            verdict = verdict.worst(Verdict.WARNING);
        }
        List<String> serious = rollback.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.rule() + " (" + f.severity().json() + ")").toList();
        if (!serious.isEmpty()) {
            reasons.add(Rollback.REASON + (serious.size() == 1 ? "finding " : "findings ") + String.join(", ", serious));
            verdict = verdict.worst(Verdict.WARNING);
        }
        return new Judgement(verdict, reasons);
    }

    /** The lines, as reports write them ({@code warnSmall: "30 s"}, …). */
    private Map<String, String> thresholds() {
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("warnSmall", Durations.format(options.warnSmall()));
        thresholds.put("warnMedium", Durations.format(options.warnMedium()));
        thresholds.put("warnLarge", Durations.format(options.warnLarge()));
        thresholds.put("critical", Durations.format(options.critical()));
        if (options.totalCritical() != null) {
            thresholds.put("totalCritical", Durations.format(options.totalCritical()));
        }
        thresholds.put("timeout", Durations.format(options.timeout()));
        return thresholds;
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

    /**
     * What the build makes of a judged run, in its own words: the lines it only warns of, and the
     * lines that fail it. SQL errors always fail it; the other verdicts as {@code failOn} says;
     * regressions against a baseline run beyond {@code failOnRegression} percent (unset: they are
     * only warned of).
     */
    public static Outcome outcome(RunResult result, FailOn failOn, Double failOnRegression) {
        List<String> warnings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        result.withVerdict(Verdict.FAILED).forEach(m -> failures.add("Migration failed: " + m.failureSummary()
                + m.warnings().stream().map(w -> "\n  " + w).collect(Collectors.joining())));
        List<String> critical = new ArrayList<>();
        result.withVerdict(Verdict.CRITICAL).forEach(m -> critical.add("Migration critical: " + m.label() + " (" + m.source()
                + "): " + String.join("; ", m.reasons()) + (m.failed() ? " [" + m.failureSummary() + "]" : "")));
        if (result.gate() != null) {
            result.gate().reasons().forEach(r -> critical.add("Migrations critical: " + r));
        }
        List<String> erring = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        result.withVerdict(Verdict.WARNING).forEach(m -> {
            boolean error = m.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            (error ? erring : warned).add("Migration warning: " + m.label() + " (" + m.source() + "): " + String.join("; ", m.reasons()));
        });
        sort(critical, failOn.compareTo(FailOn.CRITICAL) >= 0, failOn, warnings, failures);
        sort(erring, failOn.compareTo(FailOn.ERROR) >= 0, failOn, warnings, failures);
        sort(warned, failOn == FailOn.WARNING, failOn, warnings, failures);
        Outcome regressions = regressions(result, failOnRegression);
        warnings.addAll(regressions.warnings());
        failures.addAll(regressions.failures());
        return new Outcome(warnings, failures);
    }

    /** Lines that fail the build when {@code fail}, else warnings; a critical one says why it does not fail. */
    private static void sort(List<String> lines, boolean fail, FailOn failOn, List<String> warnings, List<String> failures) {
        if (fail) {
            failures.addAll(lines);
        } else {
            lines.forEach(line -> warnings.add(line.startsWith("Migration warning") ? line : line + " (failOn=" + failOn.json() + ")"));
        }
    }

    /** Regressions against the baseline run: failures beyond {@code failOnRegression} percent; only warnings when it is unset. */
    public static Outcome regressions(RunResult result, Double failOnRegression) {
        if (result.comparison() == null) {
            return new Outcome(List.of(), List.of());
        }
        if (failOnRegression == null) {
            return new Outcome(result.comparison().regressionsBeyond(0).stream().map(line -> line + " (failOnRegression unset)").toList(),
                    List.of());
        }
        return new Outcome(List.of(), result.comparison().regressionsBeyond(failOnRegression));
    }

    /** @param warnings lines the build warns of; @param failures lines that fail it, empty when it passes */
    public record Outcome(List<String> warnings, List<String> failures) {

        public Outcome {
            warnings = List.copyOf(warnings);
            failures = List.copyOf(failures);
        }

        /** This outcome with every line saying where it comes from ("PostgreSQL 14: …"). */
        public Outcome on(String where) {
            return new Outcome(warnings.stream().map(w -> where + ": " + w).toList(), failures.stream().map(f -> where + ": " + f).toList());
        }

        /** The outcomes of several runs as one: every warning and every failure. */
        public static Outcome all(List<Outcome> outcomes) {
            return new Outcome(outcomes.stream().flatMap(o -> o.warnings().stream()).toList(),
                    outcomes.stream().flatMap(o -> o.failures().stream()).toList());
        }
    }

    public Duration warnLine(Kind kind) {
        return switch (kind) {
            case SMALL -> options.warnSmall();
            case MEDIUM -> options.warnMedium();
            case LARGE -> options.warnLarge();
        };
    }
}
