package io.github.migrationprofiler.run;

import io.github.migrationprofiler.pass.CleanTimingPass;
import io.github.migrationprofiler.pass.Follower;
import io.github.migrationprofiler.pass.HashProbes;
import io.github.migrationprofiler.pass.InstrumentedPass;
import io.github.migrationprofiler.pass.Judgement;
import io.github.migrationprofiler.pass.Observed;
import io.github.migrationprofiler.pass.ProjectionSizes;
import io.github.migrationprofiler.pass.RollbackPass;
import io.github.migrationprofiler.pass.TrafficPass;
import io.github.migrationprofiler.report.ConsoleReport;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.stats.ProductionRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the profile run does with each migration the instrumented pass applies: the passes that
 * run on the state before it, in order, and its judgement. The follower and the passes on it are
 * optional ({@code null}): without clean timing, runtimes come from the instrumented pass.
 */
final class MigrationStages implements InstrumentedPass.Stages {

    /** The passes on the follower, all {@code null} without clean timing. */
    record Replays(Follower follower, CleanTimingPass cleanTiming, ProjectionSizes sizes, TrafficPass traffic, RollbackPass rollback) {

        static final Replays NONE = new Replays(null, null, null, null, null);
    }

    private final Seeder seeder;
    private final Replays replays;
    private final Judgement judgement;
    private final ConsoleReport console;
    private final List<MigrationResult> results = new ArrayList<>();
    /** The reviewed migration whose rollback runs once the rows of its new tables are seeded, as production's would be there. */
    private PendingRollback pending;

    private record PendingRollback(Observed observed, RollbackPass.Before before) {
    }

    MigrationStages(Seeder seeder, Replays replays, Judgement judgement, ConsoleReport console) {
        this.seeder = seeder;
        this.replays = replays;
        this.judgement = judgement;
        this.console = console;
    }

    @Override
    public void seed(Migration applied) {
        List<String> seeded = seeder.seedNewTables(applied);
        if (following()) {
            replays.follower().seeded(seeded);
        }
        if (following() && replays.sizes() != null) {
            replays.sizes().seed(applied);
        }
        rollBack(applied);
        endSizesWithTheFollower();
    }

    /** The rollback pass for {@code applied}, when it is the reviewed migration waiting for it: the result gets the rollback. */
    private void rollBack(Migration applied) {
        PendingRollback waiting = pending;
        pending = null;
        if (waiting == null || !waiting.observed().migration().equals(applied) || results.isEmpty()) {
            return;
        }
        console.working(applied.label(), "the rollback pass");
        RollbackPass.Outcome outcome = replays.rollback().run(replays.follower(), waiting.observed(), waiting.before());
        MigrationResult result = results.get(results.size() - 1);
        Rollback rollback = outcome.rollback();
        if (rollback == null) {
            results.set(results.size() - 1, result.withWarning(outcome.notRun()));
            console.warning(outcome.notRun());
            return;
        }
        List<Finding> findings = judgement.rollbackFindings(rollback, applied);
        results.set(results.size() - 1, result.withRollback(rollback, findings));
        console.rollback(rollback, findings);
    }

    @Override
    public void starting(Migration migration) {
        console.working(migration.label(), "the instrumented pass");
    }

    @Override
    public boolean replaysMigrations() {
        return replays.follower() != null;
    }

    @Override
    public void applied(Observed observed) {
        if (observed.status() == Status.PASSED && !observed.reviewed()) {
            if (following()) {
                replays.follower().follow(observed);
            }
            if (following() && replays.sizes() != null) {
                replays.sizes().follow(observed);
            }
            endSizesWithTheFollower();
            console.applied(observed.migration().label(), observed.millis(), observed.baseline());
            return;
        }
        Judgement.Replayed replayed = observed.status() == Status.PASSED && replays.follower() != null ? replay(observed) : null;
        MigrationResult result = judgement.judge(observed, replayed);
        results.add(result);
        if (result.status() == Status.SKIPPED) {
            console.skipped(result);
        } else {
            console.migration(result);
        }
    }

    /** The reviewed migration on the state before it: traffic on a copy, then the clean runs that move the follower on. */
    private Judgement.Replayed replay(Observed observed) {
        Follower follower = replays.follower();
        String label = observed.migration().label();
        RollbackPass.Before before = replays.rollback() == null ? null : replays.rollback().before(follower, observed.migration());
        console.working(label, "the traffic pass");
        TrafficPass.Measured traffic = replays.traffic() == null ? TrafficPass.Measured.NONE : replays.traffic().run(follower, observed);
        console.working(label, "the clean timing pass");
        CleanTimingPass.Clean clean = replays.cleanTiming().time(follower, observed);
        if (clean != null && replays.sizes() != null) {
            console.working(label, "the projection's smaller sizes");
            clean = clean.atSizes(replays.sizes().time(observed));
        }
        if (replays.rollback() != null && clean != null) {
            pending = new PendingRollback(observed, before);
        }
        endSizesWithTheFollower();
        return new Judgement.Replayed(clean, follower.stopped(), traffic.traffic(), traffic.error(), traffic.deadlock(),
                traffic.notRun(), follower.probes());
    }

    private boolean following() {
        return replays.follower() != null && replays.follower().following();
    }

    /** The smaller sizes follow the full-size follower: when it stops, they end. */
    private void endSizesWithTheFollower() {
        if (replays.follower() != null && !following() && replays.sizes() != null) {
            replays.sizes().close();
        }
    }

    List<MigrationResult> results() {
        return List.copyOf(results);
    }

    /** How the runtimes were measured, and whether and how they were projected ({@code unprojected}: why not). */
    RunResult.Timing timing(String unprojected, ProductionRows production) {
        Follower follower = replays.follower();
        if (follower == null) {
            return new RunResult.Timing("instrumented", 1, Map.of(), null, List.of(), unprojected);
        }
        List<Double> sizes = sizes();
        return new RunResult.Timing(follower.following() ? "clean" : "instrumented", replays.cleanTiming().iterations(),
                replays.cleanTiming().settings(), follower.stopped(), sizes, sizes.isEmpty() ? unprojected
                : "projected to production's rows (" + production.describe() + ") from " + percentages(sizes) + " of the scale");
    }

    /** The fractions of the scale each reviewed migration was measured at, the full size included; empty without projections. */
    List<Double> sizes() {
        if (replays.sizes() == null || replays.sizes().fractions().isEmpty() || !following()) {
            return List.of();
        }
        return replays.sizes().withFullSize();
    }

    /** Milliseconds spent measuring hash probes for projections. */
    double probesMillis() {
        HashProbes probes = following() ? replays.follower().probes() : null;
        return probes == null ? 0 : probes.nanos() / 1e6;
    }

    /** "25 %, 50 %, 100 %". */
    static String percentages(List<Double> fractions) {
        return fractions.stream().map(f -> Math.round(f * 100) + " %").collect(Collectors.joining(", "));
    }
}
