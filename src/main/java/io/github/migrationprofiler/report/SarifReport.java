package io.github.migrationprofiler.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * The findings as SARIF 2.1.0 ({@code migration-profiler.sarif}), the format GitHub code scanning
 * reads: each at its file and line, the rules described, a stable fingerprint per issue so that a
 * finding is tracked across runs rather than raised again.
 */
public final class SarifReport {

    public static final String FILE_NAME = "migration-profiler.sarif";
    private static final String DOCS = "https://github.com/migration-profiler/migration-profiler-maven-plugin/blob/main/docs/";

    private SarifReport() {
    }

    static Path write(RunResult run, Path baseDir, Path directory) {
        return ScanIssues.write(directory, FILE_NAME, sarif(run, ScanIssues.of(run, baseDir)));
    }

    static ObjectNode sarif(RunResult run, List<ScanIssues.Issue> issues) {
        ObjectNode sarif = ScanIssues.MAPPER.createObjectNode();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        ObjectNode sarifRun = sarif.putArray("runs").addObject();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
        driver.put("name", "migration-profiler");
        driver.put("informationUri", DOCS.replace("/blob/main/docs/", ""));
        ArrayNode rules = driver.putArray("rules");
        for (RuleId rule : RuleId.values()) {
            rule(rules, rule.id(), rule.summary(), rule.severity(), "rules.md#" + rule.id() + "--" + rule.severity().json());
        }
        rule(rules, ScanIssues.FAILED, "The migration failed on the seeded copy of the database", Severity.ERROR,
                "MIGRATION-PROFILING.md");
        rule(rules, ScanIssues.THRESHOLD, "The migration ran longer, or held traffic longer, than a line the project set",
                Severity.WARNING, "configuration.md#gates-and-timeout");
        rule(rules, ScanIssues.ROLLBACK, "The migration's undo fails, leaves another schema, drops data or cannot be followed by "
                + "the migration again", Severity.WARNING, "configuration.md#rollback");
        rule(rules, ScanIssues.VERSIONS, "The migration behaves differently on another PostgreSQL major: it fails, rewrites, locks "
                + "or runs otherwise", Severity.WARNING, "configuration.md#engines");
        ArrayNode results = sarifRun.putArray("results");
        for (ScanIssues.Issue issue : issues) {
            ObjectNode result = results.addObject();
            result.put("ruleId", issue.rule());
            result.put("level", level(issue.severity()));
            result.putObject("message").put("text", issue.remedy() == null ? issue.message()
                    : issue.message() + "\nInstead: " + issue.remedy());
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", issue.path()).put("uriBaseId", "%SRCROOT%");
            location.putObject("region").put("startLine", issue.line());
            result.putObject("partialFingerprints").put("migrationProfiler/v1", issue.fingerprint());
        }
        ObjectNode invocation = sarifRun.putArray("invocations").addObject();
        invocation.put("executionSuccessful", run.error() == null);
        if (run.error() != null) {
            invocation.putArray("toolExecutionNotifications").addObject().put("level", "error")
                    .putObject("message").put("text", Format.stopped(run));
        }
        return sarif;
    }

    private static void rule(ArrayNode rules, String id, String summary, Severity severity, String doc) {
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", summary);
        rule.putObject("defaultConfiguration").put("level", level(severity));
        rule.put("helpUri", DOCS + doc);
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
