package io.github.migrationprofiler.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.migrationprofiler.result.RunResult;

import java.nio.file.Path;
import java.util.List;

/**
 * The findings as a GitLab Code Quality report ({@code gl-code-quality-report.json}), which merge
 * requests show on their diff: a JSON array of issues, each with its description, check name,
 * fingerprint (stable across runs, so GitLab tells new issues from resolved ones), severity, path
 * and line.
 */
public final class CodeQualityReport {

    public static final String FILE_NAME = "gl-code-quality-report.json";

    private CodeQualityReport() {
    }

    static Path write(RunResult run, Path baseDir, Path directory) {
        return ScanIssues.write(directory, FILE_NAME, issues(ScanIssues.of(run, baseDir)));
    }

    static ArrayNode issues(List<ScanIssues.Issue> issues) {
        ArrayNode report = ScanIssues.MAPPER.createArrayNode();
        for (ScanIssues.Issue issue : issues) {
            ObjectNode entry = report.addObject();
            entry.put("description", issue.message());
            entry.put("check_name", issue.rule());
            entry.put("fingerprint", issue.fingerprint());
            entry.put("severity", severity(issue));
            if (issue.remedy() != null) {
                entry.putObject("content").put("body", issue.remedy());
            }
            ObjectNode location = entry.putObject("location");
            location.put("path", issue.path());
            location.putObject("lines").put("begin", issue.line());
        }
        return report;
    }

    /** GitLab's scale: a failed migration blocks the merge; an error finding is critical, a warning major. */
    private static String severity(ScanIssues.Issue issue) {
        if (ScanIssues.FAILED.equals(issue.rule())) {
            return "blocker";
        }
        return switch (issue.severity()) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }
}
