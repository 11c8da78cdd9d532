package io.github.migrationprofiler.report;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The lines a run writes to the build log as it goes: one per migration, with what it found; on a
 * long history a progress line now and then (how many of how many, and what remains at this pace);
 * and while one migration takes long, a line saying which, in which pass, for how long so far.
 */
public final class ConsoleReport implements AutoCloseable {

    /** A progress line at most this often: a long history says where it is without drowning the log. */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ProfilerLog log;
    private final int total;
    /** How long the log stays quiet before a line says what is running. */
    private final long quietNanos;
    /** Advice is given in full once per run; later findings of the same rule refer to it. */
    private final Set<String> advised = new HashSet<>();
    private final long start = System.nanoTime();
    private volatile long lastLine = start;
    private long lastProgress = start;
    private volatile int done;
    /** What is running now ("V29__x.sql, in the clean timing pass") and since when; {@code null} between migrations. */
    private volatile String working;
    private volatile long workingSince;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "migration-profiler-heartbeat");
        thread.setDaemon(true); // never keeps the build alive
        return thread;
    });

    /** @param total how many migrations the run applies or skips, for the progress lines */
    public ConsoleReport(ProfilerLog log, int total) {
        this(log, total, PROGRESS_NANOS);
    }

    ConsoleReport(ProfilerLog log, int total, long quietNanos) {
        this.log = log;
        this.total = total;
        this.quietNanos = quietNanos;
        heartbeat.scheduleAtFixedRate(this::stillWorking, quietNanos / 6, quietNanos / 6, TimeUnit.NANOSECONDS);
    }

    /** What runs from now on: {@code migration} in {@code pass} ("the instrumented pass"). */
    public void working(String migration, String pass) {
        working = migration + ", in " + pass;
        workingSince = System.nanoTime();
    }

    /** "Still on V29__x.sql, in the clean timing pass: 1 min 30 s so far (migration 31 of 84)", when the log was quiet 30 s. */
    private void stillWorking() {
        String now = working;
        long at = System.nanoTime();
        if (now != null && at - lastLine >= quietNanos) {
            lastLine = at;
            log.info(String.format(Locale.ROOT, "Still on %s: %s so far (migration %,d of %,d)", now,
                    Durations.spoken((at - workingSince) / 1e6), done + 1, total));
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    /** "Progress: 351 of 1,446 migrations in 4 min 10 s; about 13 min left at this pace", at most every 30 s. */
    private void step() {
        done++;
        working = null;
        long now = System.nanoTime();
        lastLine = now;
        if (done < total && now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            double elapsed = (now - start) / 1e6;
            log.info(String.format(Locale.ROOT, "Progress: %,d of %,d migrations in %s; about %s left at this pace", done, total,
                    Durations.spoken(elapsed), Durations.spoken(elapsed / done * (total - done))));
        }
    }

    /** A reviewed migration, or one that failed: its time, rows and kind, its projection and traffic, its findings. */
    public void migration(MigrationResult result) {
        step();
        log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms %10d rows  %s", result.status(), result.label(), result.millis(),
                result.rowsAffected(), result.kind()));
        if (result.projection() != null) {
            log.info("       " + result.projection().sentence(result.millis()) + " (" + result.projection().model().json() + ")");
        }
        if (result.traffic() != null && !Format.trafficTold(result)) {
            log.info("       traffic: " + Format.traffic(result.traffic()));
        }
        findings(result.findings());
    }

    private void findings(List<Finding> findings) {
        for (Finding finding : findings) {
            String advice = advised.add(finding.recommendation()) ? finding.recommendation() : "as above (" + finding.rule() + ")";
            String line = String.format(Locale.ROOT, "       [%s] %s: %s%n         → %s", finding.severity().json(), finding.rule(),
                    finding.message(), advice);
            if (finding.severity() == Severity.INFO) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }
    }

    /**
     * A reviewed migration's undo, once the rollback pass ran it: how it went and the undo's own
     * findings by name (a warning when one is serious or the undo did not restore the schema),
     * then what the rollback rules found, in full; each thing is said once.
     */
    public void rollback(Rollback rollback, List<Finding> findings) {
        StringBuilder line = new StringBuilder("       rollback: ").append(Format.rollbackHeadline(rollback));
        if (rollback.status() == Rollback.Status.NOT_REVERSIBLE) {
            line.append(": ").append(rollback.error());
        }
        if (rollback.projection() != null) {
            line.append("; ").append(rollback.projection().sentence());
        }
        if (!rollback.findings().isEmpty()) {
            line.append("; the undo itself: ").append(rollback.kind() == null ? "" : rollback.kind() + ", ")
                    .append(rollback.findings().stream().map(f -> f.rule() + " (" + f.severity().json() + ")")
                            .collect(Collectors.joining(", ")));
        }
        boolean clean = rollback.status() == Rollback.Status.REVERSED && rollback.reapplied() == null
                && rollback.findings().stream().allMatch(f -> f.severity() == Severity.INFO)
                || rollback.status() == Rollback.Status.NOT_REVERSIBLE;
        if (clean) {
            log.info(line.toString());
        } else {
            log.warn(line.toString());
        }
        findings(findings);
    }

    /** Something the run could not do for the migration just reported. */
    public void warning(String text) {
        log.warn("       " + text);
    }

    /** A migration applied unmeasured: in the baseline, or after the first reviewed one without being reviewed itself. */
    public void applied(String label, double millis, boolean baseline) {
        step();
        log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (%s)", "APPLY", label, millis,
                baseline ? "baseline" : "not under review"));
    }

    /** A migration not applied here, as production would not apply it. */
    public void skipped(MigrationResult result) {
        step();
        log.debug(String.format(Locale.ROOT, "%-6s %-50s %s", "SKIP", result.label(), result.skipped()));
    }
}
