package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.analysis.Analyzer;
import io.github.migrationprofiler.analysis.rules.MigrationFacts;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.FlywayInfo;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.stats.ProductionRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The judgement of one migration: what the passes measured, put together — the clean runtime
 * where there is one, the locks and work the instrumented pass saw, the projection to
 * production's rows, the traffic it blocked — and read by the rules into its kind and findings.
 */
public final class Judgement {

    /**
     * What the passes on the state before a reviewed migration measured.
     *
     * @param clean    its clean runtime, with the runs at the projection sizes; {@code null} when there is none
     * @param notClean why there is none, when the clean pass was to time it
     * @param traffic  what it did to the traffic pass's workload; {@code null} when that did not run
     * @param trafficError why the traffic pass failed, for the migration's warnings; {@code null} when it did not
     * @param deadlock the deadlock it met in the traffic pass, whichever side lost; {@code null} when none
     * @param trafficNotRun why the traffic pass had nothing to measure for it; {@code null} when it ran or was off
     * @param probes   the server's hash probe costs, for projections; {@code null} without
     */
    public record Replayed(CleanTimingPass.Clean clean, String notClean, Traffic traffic, String trafficError, String deadlock,
                           String trafficNotRun, HashProbes probes) {
    }

    private static final Pattern MISSING_ROLE = Pattern.compile("role \"([^\"]+)\" does not exist");

    private final Analyzer analyzer;
    private final MigrationSource source;
    private final ProductionRows production;

    public Judgement(Analyzer analyzer, MigrationSource source, ProductionRows production) {
        this.analyzer = analyzer;
        this.source = source;
        this.production = production;
    }

    private static FlywayInfo flyway(Migration migration) {
        Migration.Flyway flyway = migration.flyway();
        return flyway == null ? null : new FlywayInfo(flyway.version(), flyway.description(), flyway.type());
    }

    /** @param replayed what the later passes measured; {@code null} when none ran (clean timing off, or the migration failed) */
    public MigrationResult judge(Observed observed, Replayed replayed) {
        Migration migration = observed.migration();
        Status status = observed.status();
        if (status == Status.SKIPPED) {
            return MigrationResult.skipped(migration.id(), migration.author(), migration.source(), migration.line(), observed.skipped());
        }
        List<StatementResult> statements = observed.statements();
        CleanTimingPass.Clean clean = replayed == null ? null : replayed.clean();
        String divergence = clean == null ? null : divergence(clean, observed.updateCounts());
        boolean cleanly = clean != null && divergence == null;
        if (cleanly) {
            statements = timed(statements, clean);
        }
        double millis = cleanly ? clean.millis() : observed.millis();
        boolean passed = status == Status.PASSED;
        Projections.Projected projected = cleanly && passed ? Projections.project(statements, clean.sizes(), production,
                replayed.probes()) : null;
        if (projected != null) {
            statements = projected.statements();
        }
        Traffic traffic = passed && replayed != null ? replayed.traffic() : null;
        Analyzer.Analysis analysis = analyzer.analyze(new MigrationFacts(statements, millis, observed.foreignKeyGaps(),
                observed.schemaChanges(), traffic, observed.hazards(), projected == null ? null : projected.migration(),
                replayed == null ? null : replayed.deadlock()), source.text(migration));
        List<String> warnings = new ArrayList<>(observed.warnings());
        warnings.addAll(analysis.warnings());
        missingRole(observed).ifPresent(warnings::add);
        if (passed && replayed != null && replayed.trafficError() != null) {
            warnings.add(replayed.trafficError());
        }
        if (observed.reviewed() && passed && replayed != null && !cleanly) {
            warnings.add("timed in the instrumented pass, which its own observation slows down: "
                    + (replayed.notClean() != null ? replayed.notClean() : divergence));
        }
        return new MigrationResult(migration.id(), migration.author(), migration.source(), migration.line(), status, millis,
                observed.rowsAffected(), statements, observed.error(), warnings, analysis.kind(), analysis.findings(), null,
                List.of(), null, cleanly ? observed.millis() : null, cleanly ? clean.iterations() : null,
                projected == null ? null : projected.migration(), traffic, flyway(migration), null,
                replayed == null || replayed.trafficNotRun() == null ? Map.of() : Map.of("traffic", replayed.trafficNotRun()),
                null);
    }

    /**
     * A migration that granted to a role the scratch server lacks: production has it, so say how
     * the run gets it too.
     */
    private static Optional<String> missingRole(Observed observed) {
        SqlError error = observed.error();
        Matcher role = error == null || !"42704".equals(error.sqlState()) ? null : MISSING_ROLE.matcher(error.message());
        return role == null || !role.find() ? Optional.empty() : Optional.of("the role " + role.group(1) + " is one production has: "
                + "give it with migration-profiler.roles=" + role.group(1) + " (created NOLOGIN on the server the run starts)");
    }

    /** What the rollback rules find of {@code migration}'s rollback, silenced as the migration's own findings are. */
    public List<Finding> rollbackFindings(Rollback rollback, Migration migration) {
        return analyzer.analyze(rollback, source.text(migration));
    }

    /**
     * Why the clean run cannot stand for this migration, or {@code null}: it must have run the
     * same statements and changed the same rows, or the follower's state was not this one's.
     */
    private static String divergence(CleanTimingPass.Clean clean, List<Long> measured) {
        if (clean.statements().length != measured.size()) {
            return "the clean pass ran " + clean.statements().length + " statement(s), the instrumented pass " + measured.size();
        }
        for (int i = 0; i < measured.size(); i++) {
            if (clean.rows()[i] != measured.get(i)) {
                return "statement " + (i + 1) + " changed " + clean.rows()[i] + " row(s) in the clean pass and "
                        + measured.get(i) + " in the instrumented pass, so their data differ";
            }
        }
        return null;
    }

    /**
     * The statements with the clean pass's times, and their locks held as long as the clean run
     * held them: from the statement to the end of its transaction, so hold times and runtimes come
     * from the same unobserved run (the instrumented pass's probes between statements lengthen its holds).
     */
    private static List<StatementResult> timed(List<StatementResult> measured, CleanTimingPass.Clean clean) {
        double[] holds = Projections.untilTransactionEnd(measured, clean.statements());
        return IntStream.range(0, measured.size()).mapToObj(i -> measured.get(i).timed(clean.statements()[i],
                clean.statementIterations() == null ? null : clean.statementIterations()[i],
                Math.round(holds[i] * 1_000.0) / 1_000.0)).toList();
    }
}
