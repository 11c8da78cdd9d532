package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.Locale;

/** The lines a run writes to the build log as it goes: one per migration, with what it found. */
public final class ConsoleReport {

    private final ProfilerLog log;

    public ConsoleReport(ProfilerLog log) {
        this.log = log;
    }

    /** A reviewed migration, or one that failed: its time, rows and kind, its projection and traffic, its findings. */
    public void migration(MigrationResult result) {
        log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms %10d rows  %s", result.status(), result.label(), result.millis(),
                result.rowsAffected(), result.kind()));
        if (result.projection() != null) {
            log.info("       " + result.projection().sentence(result.millis()) + " (" + result.projection().model().json() + ")");
        }
        if (result.traffic() != null) {
            log.info("       traffic: " + result.traffic().describe());
        }
        for (Finding finding : result.findings()) {
            log.warn(String.format(Locale.ROOT, "       [%s] %s: %s%n         → %s", finding.severity().json(), finding.rule(),
                    finding.message(), finding.recommendation()));
        }
    }

    /** A migration applied unmeasured: in the baseline, or after the first reviewed one without being reviewed itself. */
    public void applied(String label, double millis, boolean baseline) {
        log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (%s)", "APPLY", label, millis,
                baseline ? "baseline" : "not under review"));
    }

    /** A migration not applied here, as production would not apply it. */
    public void skipped(MigrationResult result) {
        log.debug(String.format(Locale.ROOT, "%-6s %-50s %s", "SKIP", result.label(), result.skipped()));
    }
}
