package io.github.migrationprofiler.report;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Path;
import java.util.Locale;

/** Every output of a run, written together: results.json, Surefire XML, summary.md and report.html. */
public final class Reports {

    private Reports() {
    }

    /** Writes them all where the configuration says, and says where they are. */
    public static void write(RunResult full, ProfilerConfig config, ProfilerLog log) {
        RunResult result = full.showingStatements(config.statementsShown());
        Path json = ResultsJson.write(result, config.outputDirectory());
        SurefireXml.write(result, config.reportsDirectory());
        MarkdownSummary.write(result, config.outputDirectory(), config.stepSummary());
        Path html = HtmlReport.write(result, config.outputDirectory());
        SarifReport.write(result, config.baseDir(), config.outputDirectory());
        CodeQualityReport.write(result, config.baseDir(), config.outputDirectory());
        if (result.error() == null) {
            log.info(String.format(Locale.ROOT, "Profiled %d migration(s) in %.1f ms, %d failed%s; baseline %d; verdict %s",
                    result.totals().migrations(), result.totals().millis(), result.totals().failed(),
                    result.totals().skipped() == 0 ? "" : ", " + result.totals().skipped() + " skipped", result.baseline().size(),
                    result.verdict()));
        }
        log.info("Results: " + json);
        log.info("Report: " + html);
    }
}
