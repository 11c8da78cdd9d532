package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Comparison;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A pull-request comment: the verdict, a table of migrations, the findings with their fixes. A
 * comment on GitHub holds 65,536 characters: a run too long for that shows its worst migrations in
 * full and a line for each of the others, as far as the budget goes, and points to report.html.
 */
public final class MarkdownSummary {

    public static final String FILE_NAME = "summary.md";
    /** Below GitHub's 65,536-character comment limit, with room for what a workflow adds around it. */
    static final int BUDGET = 60_000;
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final int SKIPPED_LISTED = 10;
    private static final int GAPS_LISTED = 20;
    private static final int COMPARED_LISTED = 30;

    private MarkdownSummary() {
    }

    public static String render(RunResult run) {
        return render(run, BUDGET);
    }

    static String render(RunResult run, int budget) {
        StringBuilder md = header(run);
        if (run.error() != null) {
            return md.toString();
        }
        String full = full(run);
        if (md.length() + full.length() <= budget) {
            return md.append(full).toString();
        }
        return md.append(compact(run, budget - md.length())).toString();
    }

    private static StringBuilder header(RunResult run) {
        StringBuilder md = new StringBuilder();
        md.append("## Migration profile: ").append(Format.verdict(run.verdict())).append("\n\n");
        md.append(Format.headline(run)).append("\n\n");
        String timing = Format.timing(run);
        if (timing != null && run.error() == null) {
            md.append("<sub>").append(cell(timing)).append("</sub>\n\n");
        }
        if (run.error() != null) {
            md.append("**").append(cell(Format.stopped(run))).append("**\n");
            return md;
        }
        if (run.gate() != null && !run.gate().reasons().isEmpty()) {
            run.gate().reasons().forEach(r -> md.append("- ").append(cell(r)).append('\n'));
            md.append('\n');
        }
        run.warnings().forEach(w -> md.append("> ⚠ ").append(cell(w)).append("\n\n"));
        if (run.versions() != null) {
            md.append("**").append(cell(Format.versions(run.versions()))).append("**\n\n");
            Format.versionDifferences(run.versions()).forEach(d -> md.append("- ").append(cell(d)).append('\n'));
            md.append(run.versions().differences().isEmpty() ? "" : "\n");
        }
        return md.append(comparison(run));
    }

    private static String full(RunResult run) {
        StringBuilder md = new StringBuilder();
        Function<MigrationResult, String> names = Format::name;
        Format.Columns columns = Format.Columns.of(run);
        md.append(tableHead(columns));
        Format.applied(run).forEach(m -> md.append(row(m, names, columns)));
        md.append(skipped(run, names));
        if (columns.projected()) {
            md.append("\n### At production size\n\n");
            Format.applied(run).stream().filter(m -> m.projection() != null)
                    .sorted(Comparator.comparingDouble((MigrationResult m) -> m.projection().millis()).reversed())
                    .forEach(m -> md.append("- **").append(cell(names.apply(m))).append("**: ").append(cell(Format.projection(m))).append('\n'));
        }
        if (!Format.rolledBack(run).isEmpty()) {
            md.append("\n### Rollback\n\n");
            Format.rolledBack(run).forEach(m -> md.append("- **").append(cell(names.apply(m))).append("**: ")
                    .append(cell(Format.rollback(m.rollback()))).append('\n'));
        }
        if (run.migrations().stream().anyMatch(m -> m.traffic() != null && !Format.trafficTold(m))) {
            md.append("\n### Traffic\n\n");
            Format.applied(run).stream().filter(m -> m.traffic() != null && !Format.trafficTold(m))
                    .forEach(m -> md.append("- **").append(cell(names.apply(m))).append("**: ").append(cell(Format.traffic(m.traffic())))
                            .append('\n'));
        }
        boolean anyFindings = run.migrations().stream().anyMatch(m -> !m.findings().isEmpty() || !m.warnings().isEmpty());
        if (anyFindings) {
            md.append("\n### Findings\n\n");
            Set<String> advised = new HashSet<>();
            run.migrations().forEach(m -> md.append(findings(m, names, advised)));
        }
        md.append(failures(run, names)).append(gaps(run));
        return md.toString();
    }

    /** The worst migrations in full, then a line per migration while the budget lasts, then where the rest is. */
    private static String compact(RunResult run, int budget) {
        Function<MigrationResult, String> names = Format::name;
        List<MigrationResult> worstFirst = Format.applied(run).stream().sorted(WORST_FIRST).toList();
        String tail = failures(run, names) + gaps(run) + skipped(run, names);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d migrations are more than a comment holds: the worst in full, the others one "
                + "line each; all of them in report.html and results.json.%n%n", worstFirst.size()));
        Format.Columns columns = Format.Columns.of(run);
        md.append(tableHead(columns));
        int fullBudget = (budget - tail.length()) / 2;
        int shown = 0;
        StringBuilder details = new StringBuilder();
        Set<String> advised = new HashSet<>();
        for (MigrationResult m : worstFirst) {
            String row = row(m, names, columns);
            if (m.verdict() == Verdict.OK && m.findings().isEmpty()) {
                break;
            }
            Set<String> advisedBefore = new HashSet<>(advised);
            String found = findings(m, names, advised);
            if (md.length() + details.length() + row.length() + found.length() > fullBudget) {
                advised.retainAll(advisedBefore);
                break;
            }
            md.append(row);
            details.append(found);
            shown++;
        }
        if (details.length() > 0) {
            md.append("\n### Findings\n\n").append(details);
        }
        List<MigrationResult> rest = worstFirst.subList(shown, worstFirst.size());
        if (!rest.isEmpty()) {
            md.append("\n### Other migrations\n\n");
            int listed = 0;
            int lineBudget = budget - tail.length() - 200;
            for (MigrationResult m : rest) {
                String line = line(m, names);
                if (md.length() + line.length() > lineBudget) {
                    break;
                }
                md.append(line);
                listed++;
            }
            if (listed < rest.size()) {
                Map<String, Long> outcomes = rest.subList(listed, rest.size()).stream()
                        .collect(Collectors.groupingBy(Format::outcome, TreeMap::new, Collectors.counting()));
                md.append(String.format(Locale.ROOT, "- … and %d more (%s): see report.html%n", rest.size() - listed,
                        outcomes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))));
            }
        }
        return md.append(tail).toString();
    }

    /** Failed first, then critical, warning; more findings and longer runtimes before fewer and shorter. */
    private static final Comparator<MigrationResult> WORST_FIRST = Comparator
            .comparing((MigrationResult m) -> m.verdict() == null ? -1 : m.verdict().ordinal()).reversed()
            .thenComparing(m -> m.findings().stream().filter(f -> f.severity() == Severity.ERROR).count(), Comparator.reverseOrder())
            .thenComparing(m -> m.findings().size(), Comparator.reverseOrder())
            .thenComparing(MigrationResult::judgedMillis, Comparator.reverseOrder());

    private static String tableHead(Format.Columns columns) {
        return "| Migration | Kind | Time |" + (columns.projected() ? " Production (projected) |" : "") + " Rows | Strongest lock (held) |"
                + (columns.rolledBack() ? " Rollback |" : "") + " Verdict |\n"
                + "|---|---|---:|" + (columns.projected() ? "---:|" : "") + "---:|---|" + (columns.rolledBack() ? "---|" : "") + "---|\n";
    }

    private static String row(MigrationResult m, Function<MigrationResult, String> names, Format.Columns columns) {
        return "| " + code(names.apply(m)) + " | " + (m.kind() == null ? "" : m.kind()) + " | " + Format.time(m.millis(), m.iterations())
                + (columns.projected() ? " | " + Format.production(m) : "")
                + " | " + Format.count(m.rowsAffected()) + " | "
                + Format.strongestLock(m).map(Format::lock).map(MarkdownSummary::cell).orElse("—") + " | "
                + (columns.rolledBack() ? cell(Format.rollbackStatus(m)) + " | " : "")
                + (m.status() == Status.INTERRUPTED ? "INTERRUPTED" : Format.verdict(m.verdict()))
                + (m.reasons().isEmpty() ? "" : ": " + cell(String.join("; ", m.reasons()))) + " |\n";
    }

    /** "- ⚠️ WARNING `id (author) · file` · MEDIUM · 41.0 ms · create-index-not-concurrently". */
    private static String line(MigrationResult m, Function<MigrationResult, String> names) {
        return "- " + (m.status() == Status.INTERRUPTED ? "INTERRUPTED" : Format.verdict(m.verdict())) + " " + code(names.apply(m))
                + " · " + (m.kind() == null ? "" : m.kind() + " · ") + Format.millis(m.millis())
                + (m.projection() == null ? "" : " (" + Format.production(m) + ")")
                + (m.findings().isEmpty() ? "" : " · " + m.findings().stream().map(f -> f.rule().id()).collect(Collectors.joining(", "))) + "\n";
    }

    /**
     * A migration's findings under its name, after what its figures cannot say (its warnings); a rule's advice is given where the rule first appears
     * ({@code advised} remembers where), so twenty migrations without lock_timeout do not repeat it twenty times.
     */
    private static String findings(MigrationResult m, Function<MigrationResult, String> names, Set<String> advised) {
        if (m.findings().isEmpty() && m.warnings().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("- **").append(prose(names.apply(m))).append("**\n");
        m.warnings().forEach(w -> md.append("  - ⚠ ").append(prose(w)).append('\n')); // what its figures cannot say, first
        for (Finding f : m.findings()) {
            md.append("  - `").append(f.rule()).append("` (").append(f.severity().json()).append("): ").append(prose(f.message()));
            md.append(advised.add(f.recommendation()) ? "  \n    → " + prose(f.recommendation()) : " (→ as above)").append('\n');
        }
        return md.toString();
    }

    /** The runtimes against the baseline run: the summary line and the migrations that changed (bounded). */
    private static String comparison(RunResult run) {
        Comparison comparison = run.comparison();
        if (comparison == null) {
            return "";
        }
        StringBuilder md = new StringBuilder("**Against ").append(code(comparison.baseline())).append(":** ")
                .append(comparison.summary()).append("\n\n");
        List<Comparison.Row> shown = Format.changed(comparison, COMPARED_LISTED);
        if (!shown.isEmpty()) {
            md.append("| Migration | Baseline | Current | Change |\n|---|---:|---:|---|\n");
            shown.forEach(r -> md.append("| ").append(code(r.migration())).append(" | ")
                    .append(r.baselineMillis() == null ? "—" : Format.millis(r.baselineMillis())).append(" | ")
                    .append(r.currentMillis() == null ? "—" : Format.millis(r.currentMillis())).append(" | ")
                    .append(Format.change(r)).append(" |\n"));
            long more = comparison.rows().stream().filter(r -> r.change() != Comparison.Change.UNCHANGED).count() - shown.size();
            md.append(more > 0 ? "\n… and " + more + " more in results.json\n\n" : "\n");
        }
        return md.toString();
    }

    private static String skipped(RunResult run, Function<MigrationResult, String> names) {
        List<MigrationResult> skipped = Format.skipped(run);
        if (skipped.isEmpty()) {
            return "";
        }
        return "\n" + skipped.size() + " skipped (not applied on PostgreSQL with this configuration): "
                + skipped.stream().limit(SKIPPED_LISTED).map(m -> code(names.apply(m)) + " (" + cell(m.skipped()) + ")")
                .collect(Collectors.joining(", "))
                + (skipped.size() > SKIPPED_LISTED ? ", … (all in results.json)\n" : "\n");
    }

    private static String failures(RunResult run, Function<MigrationResult, String> names) {
        StringBuilder md = new StringBuilder();
        for (MigrationResult m : run.failures()) {
            md.append("\n**").append(cell(names.apply(m))).append("** failed: ").append(code(m.failureSummary())).append("\n");
        }
        return md.toString();
    }

    private static String gaps(RunResult run) {
        if (run.seed() == null || run.seed().gaps().isEmpty() && run.seed().thin().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        if (!run.seed().gaps().isEmpty()) {
            md.append("\n### Seeding gaps\n\nThese tables have fewer rows than planned, or none: migrations on them were measured on "
                    + "less data.\n\n");
            list(md, run.seed().gaps());
        }
        if (!run.seed().thin().isEmpty()) {
            md.append(String.format(Locale.ROOT, "\n<details><summary>%d table(s) hold under 1 %% of the scale's %,d child rows</summary>%n%n",
                    run.seed().thin().size(), run.seed().childRows()));
            run.seed().thin().forEach(g -> md.append(gap(g)));
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    /** Every gap: the first ones in sight, the rest folded, so a long history still shows all of them. */
    private static void list(StringBuilder md, List<SeedSummary.Gap> gaps) {
        gaps.stream().limit(GAPS_LISTED).forEach(g -> md.append(gap(g)));
        if (gaps.size() > GAPS_LISTED) {
            md.append("\n<details><summary>").append(gaps.size() - GAPS_LISTED).append(" more</summary>\n\n");
            gaps.stream().skip(GAPS_LISTED).forEach(g -> md.append(gap(g)));
            md.append("\n</details>\n");
        }
    }

    private static String gap(SeedSummary.Gap gap) {
        return "- " + code(gap.table()) + (gap.after() == null ? "" : " (after " + cell(gap.after()) + ")") + ": "
                + cell(gap.reason()) + "\n";
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

    /**
     * Text that is not ours (names, messages, SQL) in prose: HTML is written as
     * entities, so no renderer of a PR comment or step summary runs what a table name holds.
     */
    private static String prose(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }

    /** {@link #prose} in a table cell, where a bar would end the cell. */
    private static String cell(String text) {
        return prose(text).replace("|", "\\|");
    }

    /** Text that is not ours as a code span, shown as it is: fenced by more backticks than it holds itself. */
    private static String code(String text) {
        int longest = 0;
        for (Matcher run = BACKTICKS.matcher(text); run.find(); ) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String padded = longest > 0 || text.startsWith(" ") || text.endsWith(" ") ? " " + text + " " : text;
        return fence + padded.replace("|", "\\|").replace("\n", " ") + fence;
    }
}
