package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The lines a run writes to the build log as it goes: one per migration, with what it found. */
public final class ConsoleReport {

    private final ProfilerLog log;
    /** Advice is given in full once per run; later findings of the same rule refer to it. */
    private final Set<String> advised = new HashSet<>();

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
        log.info(String.format(Locale.ROOT, "%-6s %-50s %10.1f ms (%s)", "APPLY", label, millis,
                baseline ? "baseline" : "not under review"));
    }

    /** A migration not applied here, as production would not apply it. */
    public void skipped(MigrationResult result) {
        log.debug(String.format(Locale.ROOT, "%-6s %-50s %s", "SKIP", result.label(), result.skipped()));
    }
}
