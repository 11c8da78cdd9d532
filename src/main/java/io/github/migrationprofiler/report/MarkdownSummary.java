package io.github.migrationprofiler.report;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.analysis.Finding;
import io.github.migrationprofiler.profile.MigrationResult;
import io.github.migrationprofiler.profile.RunResult;
import io.github.migrationprofiler.profile.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A pull-request comment: the verdict, a table of migrations, the findings with their fixes. */
public final class MarkdownSummary {

    public static final String FILE_NAME = "summary.md";
    private static final int SKIPPED_LISTED = 10;

    private MarkdownSummary() {
    }

    public static String render(RunResult run) {
        StringBuilder md = new StringBuilder();
        md.append("## Migration profile: ").append(Format.verdict(run.verdict())).append("\n\n");
        md.append(Format.headline(run)).append("\n\n");
        if (run.error() != null) {
            md.append("**").append(cell(Format.stopped(run))).append("**\n");
            return md.toString();
        }
        if (run.gate() != null && !run.gate().reasons().isEmpty()) {
            run.gate().reasons().forEach(r -> md.append("- ").append(cell(r)).append('\n'));
            md.append('\n');
        }
        Function<MigrationResult, String> names = Format.names(run);
        md.append("| Migration | Kind | Time | Rows | Strongest lock (held) | Verdict |\n");
        md.append("|---|---|---:|---:|---|---|\n");
        for (MigrationResult m : Format.applied(run)) {
            md.append("| `").append(cell(names.apply(m))).append("` | ").append(m.kind() == null ? "" : m.kind())
                    .append(" | ").append(Format.millis(m.millis())).append(" | ").append(Format.count(m.rowsAffected()))
                    .append(" | ").append(Format.strongestLock(m).map(Format::lock).map(MarkdownSummary::cell).orElse("—"))
                    .append(" | ").append(m.status() == Status.INTERRUPTED ? "INTERRUPTED" : Format.verdict(m.verdict()))
                    .append(m.reasons().isEmpty() ? "" : ": " + cell(String.join("; ", m.reasons()))).append(" |\n");
        }
        List<MigrationResult> skipped = Format.skipped(run);
        if (!skipped.isEmpty()) {
            md.append("\n").append(skipped.size()).append(" skipped (not applied on PostgreSQL with this configuration): ");
            md.append(skipped.stream().limit(SKIPPED_LISTED).map(m -> "`" + cell(names.apply(m)) + "` (" + cell(m.skipped()) + ")")
                    .collect(Collectors.joining(", ")));
            md.append(skipped.size() > SKIPPED_LISTED ? ", … (all in results.json)\n" : "\n");
        }
        boolean anyFindings = run.migrations().stream().anyMatch(m -> !m.findings().isEmpty());
        if (anyFindings) {
            md.append("\n### Findings\n\n");
            for (MigrationResult m : run.migrations()) {
                for (Finding f : m.findings()) {
                    md.append("- **").append(names.apply(m)).append("** `").append(f.rule()).append("` (").append(f.severity().json())
                            .append("): ").append(f.message()).append("  \n  → ").append(f.recommendation()).append('\n');
                }
            }
        }
        for (MigrationResult m : run.failures()) {
            md.append("\n**").append(names.apply(m)).append("** failed: `").append(cell(m.failureSummary())).append("`\n");
        }
        if (run.seed() != null && !run.seed().gaps().isEmpty()) {
            md.append("\n### Seeding gaps\n\nThese tables have fewer rows than planned, or none: migrations on them were "
                    + "measured on less data.\n\n");
            run.seed().gaps().forEach(g -> md.append("- `").append(cell(g.table())).append("`: ").append(cell(g.reason())).append('\n'));
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
