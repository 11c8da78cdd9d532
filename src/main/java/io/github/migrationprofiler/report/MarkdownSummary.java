package io.github.migrationprofiler.report;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.analysis.Finding;
import io.github.migrationprofiler.profile.MigrationResult;
import io.github.migrationprofiler.profile.RunResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A pull-request comment: the verdict, a table of migrations, the findings with their fixes. */
public final class MarkdownSummary {

    public static final String FILE_NAME = "summary.md";

    private MarkdownSummary() {
    }

    public static String render(RunResult run) {
        StringBuilder md = new StringBuilder();
        md.append("## Migration profile: ").append(Format.verdict(run.verdict())).append("\n\n");
        md.append(Format.headline(run)).append("\n\n");
        if (run.gate() != null && !run.gate().reasons().isEmpty()) {
            run.gate().reasons().forEach(r -> md.append("- ").append(cell(r)).append('\n'));
            md.append('\n');
        }
        md.append("| Migration | Kind | Time | Rows | Strongest lock (held) | Verdict |\n");
        md.append("|---|---|---:|---:|---|---|\n");
        for (MigrationResult m : run.migrations()) {
            md.append("| `").append(cell(m.label())).append("` | ").append(m.kind() == null ? "" : m.kind())
                    .append(" | ").append(Format.millis(m.millis())).append(" | ").append(Format.count(m.rowsAffected()))
                    .append(" | ").append(Format.strongestLock(m).map(Format::lock).map(MarkdownSummary::cell).orElse("—"))
                    .append(" | ").append(Format.verdict(m.verdict()))
                    .append(m.reasons().isEmpty() ? "" : ": " + cell(String.join("; ", m.reasons()))).append(" |\n");
        }
        boolean anyFindings = run.migrations().stream().anyMatch(m -> !m.findings().isEmpty());
        if (anyFindings) {
            md.append("\n### Findings\n\n");
            for (MigrationResult m : run.migrations()) {
                for (Finding f : m.findings()) {
                    md.append("- **").append(m.label()).append("** `").append(f.rule()).append("` (").append(f.severity().json())
                            .append("): ").append(f.message()).append("  \n  → ").append(f.recommendation()).append('\n');
                }
            }
        }
        for (MigrationResult m : run.failures()) {
            md.append("\n**").append(m.label()).append("** failed: `").append(cell(m.failureSummary())).append("`\n");
        }
        return md.toString();
    }

    /** Writes summary.md and appends it to {@code stepSummary} (GitHub Actions' $GITHUB_STEP_SUMMARY) when given. */
    public static Path write(RunResult run, Path directory, Path stepSummary) {
        Path file = directory.resolve(FILE_NAME);
        String text = render(run);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (stepSummary != null) {
                Files.writeString(stepSummary, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return file;
        } catch (IOException e) {
            throw new ProfilerException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
