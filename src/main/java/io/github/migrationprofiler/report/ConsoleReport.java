package io.github.migrationprofiler.report;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The lines a run writes to the build log as it goes: one per migration, with what it found, and
 * on a long history a progress line now and then (how many of how many, and what remains at this pace).
 */
public final class ConsoleReport {

    /** A progress line at most this often: a long history says where it is without drowning the log. */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ProfilerLog log;
    private final int total;
    /** Advice is given in full once per run; later findings of the same rule refer to it. */
    private final Set<String> advised = new HashSet<>();
    private final long start = System.nanoTime();
    private long lastProgress = start;
    private int done;

    /** @param total how many migrations the run applies or skips, for the progress lines */
    public ConsoleReport(ProfilerLog log, int total) {
        this.log = log;
        this.total = total;
    }

    /** "Progress: 351 of 1,446 migrations in 4 min 10 s; about 13 min left at this pace", at most every 30 s. */
    private void step() {
        done++;
        long now = System.nanoTime();
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
        for (Finding finding : result.findings()) {
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
