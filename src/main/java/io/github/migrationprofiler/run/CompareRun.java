package io.github.migrationprofiler.run;

import io.github.migrationprofiler.report.HtmlReport;
import io.github.migrationprofiler.report.MarkdownSummary;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.Comparison;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The compare goal's run: a results.json written earlier against a baseline one, the comparison
 * written into that results.json, and the summary.md and report.html beside it.
 */
public final class CompareRun {

    private final ProfilerLog log;

    public CompareRun(ProfilerLog log) {
        this.log = log;
    }

    public RunResult run(Path results, Path baselineFile) {
        if (!Files.isRegularFile(results)) {
            throw new ProfilerException("No results to compare at " + results + ": run the profile goal first (mvn verify)");
        }
        RunResult baseline = ResultsJson.readBaseline(baselineFile);
        RunResult current = ResultsJson.read(results);
        if (current.error() != null) {
            throw new ProfilerException("The results at " + results + " are of a run that stopped before profiling: nothing to compare");
        }
        RunResult compared = compared(current, baseline, baselineFile.getFileName().toString(), log);
        Path directory = results.toAbsolutePath().getParent();
        ResultsJson.write(compared, directory);
        MarkdownSummary.write(compared, directory, null);
        HtmlReport.write(compared, directory);
        return compared;
    }

    /** The run with its runtimes compared to the baseline run's, and the outcome in one line. */
    static RunResult compared(RunResult result, RunResult baseline, String baselineName, ProfilerLog log) {
        Comparison comparison = Comparison.of(baselineName, baseline, result);
        log.info("Against " + baselineName + ": " + comparison.summary());
        return result.compared(comparison);
    }
}
