package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Comparison;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.PlanSummary;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The run as HTML: the verdict first, a chart and table of migrations, then each migration's
 * statements with locks, hold times, rewrites and plans, its findings and a lock timeline. All
 * styles and charts (SVG) are inline: no scripts, fonts or stylesheets are fetched. The same
 * fragment is the standalone {@code report.html} and the Maven site page.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

    private static final String STYLE = """
            .mp{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;max-width:1100px}
            .mp h2{margin:.2em 0} .mp h3{margin:1.6em 0 .4em} .mp .muted{color:#59636e}
            .mp table{border-collapse:collapse;width:100%;margin:.6em 0} .mp th,.mp td{border:1px solid #d1d9e0;padding:4px 8px;text-align:left;vertical-align:top}
            .mp th{background:#f6f8fa} .mp td.n{text-align:right;white-space:nowrap}
            .mp pre{margin:0;white-space:pre-wrap;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
            .mp .v-OK{color:#1a7f37} .mp .v-WARNING{color:#9a6700} .mp .v-CRITICAL,.mp .v-FAILED{color:#cf222e}
            .mp .badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;border:1px solid currentColor}
            .mp .finding{border-left:4px solid #d1d9e0;padding:2px 10px;margin:6px 0} .mp .sev-error{border-color:#cf222e} .mp .sev-warning{border-color:#d4a72c}
            .mp details{border:1px solid #d1d9e0;border-radius:6px;padding:6px 10px;margin:8px 0} .mp summary{cursor:pointer;font-weight:600}
            """;

    private HtmlReport() {
    }

    /** A complete, self-contained page. */
    public static String page(RunResult run) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>Migration profile: " + run.verdict() + "</title></head><body>\n" + fragment(run) + "\n</body></html>\n";
    }

    public static Path write(RunResult run, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, page(run), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new ProfilerException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report's body, styles included, to embed in any page. */
    public static String fragment(RunResult run) {
        StringBuilder h = new StringBuilder("<div class=\"mp\"><style>").append(STYLE).append("</style>\n");
        h.append("<h2>Migration profile: <span class=\"badge v-").append(run.verdict()).append("\">")
                .append(run.verdict()).append("</span></h2>\n");
        h.append("<p class=\"muted\">").append(esc(Format.headline(run))).append(" · database ").append(esc(run.database()))
                .append(" · started ").append(esc(run.startedAt())).append("</p>\n");
        if (run.error() != null) {
            h.append("<p class=\"v-FAILED\"><strong>").append(esc(Format.stopped(run))).append("</strong></p>\n");
            return h.append("</div>").toString();
        }
        Function<MigrationResult, String> names = Format::name;
        List<MigrationResult> applied = Format.applied(run);
        if (run.gate() != null) {
            h.append("<p class=\"muted\">Thresholds: ");
            run.gate().thresholds().forEach((k, v) -> h.append(esc(k)).append(" ").append(esc(v)).append(" · "));
            h.setLength(h.length() - 3);
            h.append("</p>\n");
            run.gate().reasons().forEach(r -> h.append("<p class=\"v-CRITICAL\">").append(esc(r)).append("</p>\n"));
        }
        String timing = Format.timing(run);
        if (timing != null) {
            h.append("<p class=\"muted\">").append(esc(timing)).append("</p>\n");
        }
        run.warnings().forEach(w -> h.append("<p class=\"v-WARNING\">").append(esc(w)).append("</p>\n"));
        if (run.versions() != null) {
            h.append("<h3>").append(esc(Format.versions(run.versions()))).append("</h3>\n");
            Format.versionDifferences(run.versions()).forEach(d -> h.append("<p class=\"v-WARNING\">").append(esc(d)).append("</p>\n"));
        }
        comparison(run.comparison(), h);
        h.append(runtimeChart(applied, names));
        table(applied, names, Format.Columns.of(run), h);
        skipped(Format.skipped(run), names, h);
        seeding(run, h);
        rollbacks(Format.rolledBack(run), names, h);
        Set<String> advised = new HashSet<>(); // advice in full where a rule first appears, referred to after
        for (MigrationResult m : applied) {
            migration(m, names.apply(m), advised, h);
        }
        return h.append("</div>").toString();
    }

    /** The runtimes against a baseline run's, the changed ones in a table. */
    private static void comparison(Comparison comparison, StringBuilder h) {
        if (comparison == null) {
            return;
        }
        h.append("<h3>Against ").append(esc(comparison.baseline())).append("</h3>\n<p>").append(esc(comparison.summary()))
                .append("</p>\n");
        List<Comparison.Row> shown = Format.changed(comparison, Integer.MAX_VALUE);
        if (!shown.isEmpty()) {
            h.append("<table><tr><th>Migration</th><th>Baseline</th><th>Current</th><th>Change</th><th>Noise</th></tr>\n");
            shown.forEach(r -> h.append("<tr><td>").append(esc(r.migration())).append("</td><td class=\"n\">")
                    .append(r.baselineMillis() == null ? "—" : Format.millis(r.baselineMillis())).append("</td><td class=\"n\">")
                    .append(r.currentMillis() == null ? "—" : Format.millis(r.currentMillis())).append("</td><td class=\"")
                    .append(r.change() == Comparison.Change.REGRESSED ? "v-CRITICAL" : "").append("\">").append(esc(Format.change(r)))
                    .append("</td><td class=\"n\">").append(r.noiseMillis() == null ? "" : "±" + Format.millis(r.noiseMillis()))
                    .append("</td></tr>\n"));
            h.append("</table>\n");
        }
    }

    /** One row per applied migration: where it is, its kind and time, its strongest lock and verdict. */
    private static void table(List<MigrationResult> applied, Function<MigrationResult, String> names, Format.Columns columns,
                              StringBuilder h) {
        h.append("<table><tr><th>Migration</th><th>Source</th><th>Kind</th><th>Time</th>")
                .append(columns.projected() ? "<th>Production (projected)</th>" : "")
                .append("<th>Rows</th><th>Strongest lock (held)</th>").append(columns.rolledBack() ? "<th>Rollback</th>" : "")
                .append("<th>Verdict</th></tr>\n");
        for (MigrationResult m : applied) {
            h.append("<tr><td><a href=\"#").append(anchor(m)).append("\">").append(esc(names.apply(m))).append("</a></td><td>")
                    .append(esc(m.source())).append(':').append(m.line()).append("</td><td>").append(m.kind() == null ? "" : m.kind())
                    .append("</td><td class=\"n\">").append(esc(Format.time(m.millis(), m.iterations())))
                    .append(columns.projected() ? "</td><td class=\"n\">" + esc(Format.production(m)) : "").append("</td><td class=\"n\">")
                    .append(Format.count(m.rowsAffected())).append("</td><td>")
                    .append(esc(Format.strongestLock(m).map(Format::lock).orElse("—")))
                    .append(columns.rolledBack() ? "</td><td>" + esc(Format.rollbackStatus(m)) : "").append("</td><td class=\"v-")
                    .append(m.verdict()).append("\">").append(Format.outcome(m))
                    .append(m.reasons().isEmpty() ? "" : "<br><small>" + esc(String.join("; ", m.reasons())) + "</small>")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The migrations not applied here, as production would not apply them, folded away. */
    private static void skipped(List<MigrationResult> skipped, Function<MigrationResult, String> names, StringBuilder h) {
        if (!skipped.isEmpty()) {
            h.append("<details><summary>").append(skipped.size()).append(" skipped (not applied on PostgreSQL with this configuration)")
                    .append("</summary><table><tr><th>Migration</th><th>Source</th><th>Why</th></tr>\n");
            skipped.forEach(m -> h.append("<tr><td>").append(esc(names.apply(m))).append("</td><td>").append(esc(m.source())).append(':')
                    .append(m.line()).append("</td><td>").append(esc(m.skipped())).append("</td></tr>\n"));
            h.append("</table></details>\n");
        }
    }

    /** What was seeded, and the tables left with fewer rows than planned. */
    /** Each migration's undo, run on a copy of the state after it: how it went, what it left, what it drops. */
    private static void rollbacks(List<MigrationResult> rolledBack, Function<MigrationResult, String> names, StringBuilder h) {
        if (rolledBack.isEmpty()) {
            return;
        }
        h.append("<h3>Rollback</h3>\n<table><tr><th>Migration</th><th>Rollback</th></tr>\n");
        for (MigrationResult m : rolledBack) {
            String status = m.rollback().status() == Rollback.Status.REVERSED && m.rollback().dataLost().isEmpty() ? "v-OK"
                    : m.rollback().status() == Rollback.Status.NOT_REVERSIBLE ? "muted" : "v-WARNING";
            h.append("<tr><td>").append(esc(names.apply(m))).append("</td><td class=\"").append(status).append("\">")
                    .append(esc(Format.rollback(m.rollback()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void seeding(RunResult run, StringBuilder h) {
        if (run.seed() != null) {
            h.append("<p class=\"muted\">Seeded: ");
            run.seed().tables().forEach(t -> h.append(esc(t.table())).append(' ').append(Format.count(t.rows())).append(" rows · "));
            h.append("in ").append(Format.millis(run.seed().millis())).append("</p>\n");
            if (!run.seed().gaps().isEmpty()) {
                h.append("<h3>Seeding gaps</h3><p>These tables have fewer rows than planned, or none: migrations on them were "
                        + "measured on less data.</p><ul>\n");
                run.seed().gaps().forEach(g -> gap(g, h));
                h.append("</ul>\n");
            }
            if (!run.seed().thin().isEmpty()) {
                h.append("<details><summary>").append(run.seed().thin().size()).append(" table(s) hold under 1 % of the scale's ")
                        .append(Format.count(run.seed().childRows())).append(" child rows</summary><ul>\n");
                run.seed().thin().forEach(g -> gap(g, h));
                h.append("</ul></details>\n");
            }
        }
    }

    private static void gap(SeedSummary.Gap gap, StringBuilder h) {
        h.append("<li><code>").append(esc(gap.table())).append("</code>")
                .append(gap.after() == null ? "" : " (after " + esc(gap.after()) + ")").append(": ").append(esc(gap.reason())).append("</li>\n");
    }

    private static void migration(MigrationResult m, String name, Set<String> advised, StringBuilder h) {
        h.append("<h3 id=\"").append(anchor(m)).append("\">").append(esc(name)).append(" <span class=\"badge v-")
                .append(m.verdict()).append("\">").append(Format.outcome(m)).append("</span></h3>\n");
        h.append("<p class=\"muted\">").append(esc(m.source())).append(':').append(m.line()).append(" · ")
                .append(m.kind() == null ? "" : m.kind() + " · ").append(esc(Format.time(m.millis(), m.iterations())))
                .append(m.instrumentedMillis() == null ? "" : " (instrumented pass " + Format.millis(m.instrumentedMillis()) + ")")
                .append(" · ")
                .append(Format.count(m.rowsAffected())).append(" rows</p>\n");
        for (String reason : m.reasons()) {
            h.append("<p class=\"v-").append(m.verdict()).append("\">").append(esc(reason)).append("</p>\n");
        }
        if (m.failed()) {
            h.append("<p class=\"v-FAILED\"><pre>").append(esc(m.failureSummary())).append("</pre></p>\n");
        }
        for (Finding f : m.findings()) {
            h.append("<div class=\"finding sev-").append(f.severity().json()).append("\"><strong>").append(esc(f.rule().id()))
                    .append("</strong> (").append(f.severity().json()).append("): ").append(esc(f.message()))
                    .append("<br>→ ").append(advised.add(f.recommendation()) ? esc(f.recommendation()) : "as above (" + f.rule() + ")")
                    .append("</div>\n");
        }
        m.warnings().forEach(w -> h.append("<p class=\"v-WARNING\">").append(esc(w)).append("</p>\n"));
        if (m.projection() != null) {
            h.append("<p><strong>At production size:</strong> ").append(esc(Format.projection(m))).append("</p>\n")
                    .append(ProjectionChart.svg(m.projection()));
        }
        if (m.traffic() == null && m.notRun().containsKey("traffic")) {
            h.append("<p><strong>Traffic:</strong> not measured: ").append(esc(m.notRun().get("traffic"))).append("</p>\n");
        }
        if (m.traffic() != null) {
            if (!Format.trafficTold(m)) {
                h.append("<p><strong>Traffic:</strong> ").append(esc(Format.traffic(m.traffic()))).append("</p>\n");
            }
            h.append(TrafficChart.svg(m.traffic()));
        }
        h.append(lockTimeline(m));
        h.append("<details><summary>").append(m.statements().size()).append(" statement(s)")
                .append(m.omitted() == null ? "" : esc(Format.omitted(m.omitted()))).append("</summary>\n");
        h.append("<table><tr><th>Line</th><th>SQL</th><th>Time</th><th>Rows</th><th>Locks (held; blocks)</th><th>Rewrites</th><th>Plan</th><th>Tables before</th></tr>\n");
        for (StatementResult s : m.statements()) {
            h.append("<tr><td class=\"n\">").append(s.line()).append("</td><td><pre>").append(esc(abbreviate(s.sql())))
                    .append("</pre>").append(s.error() == null ? "" : "<span class=\"v-FAILED\">SQLSTATE " + esc(String.valueOf(s.error().sqlState()))
                            + ": " + esc(s.error().message()) + "</span>")
                    .append("</td><td class=\"n\">").append(esc(Format.time(s.millis(), s.iterations())))
                    .append(s.projection() == null || s.projection().model() == Projection.Model.CONSTANT
                            ? "" : "<br><small>→ " + esc(s.projection().describe()) + "</small>")
                    .append("</td><td class=\"n\">")
                    .append(Format.count(s.rowsAffected())).append("</td><td>");
            for (LockHeld lock : s.locks()) {
                h.append(esc(lock.mode())).append(" on ").append(esc(lock.relation())).append(" (").append(Format.millis(lock.heldMillis()))
                        .append(lock.blocks().isEmpty() ? "" : "; blocks " + esc(String.join(", ", lock.blocks()))).append(")<br>");
            }
            h.append("</td><td>").append(esc(String.join(", ", s.rewrites()))).append("</td><td>").append(plan(s.plan()))
                    .append("</td><td>");
            for (TableStat t : s.tableStats()) {
                h.append(esc(t.table())).append(": ").append(esc(t.describe())).append("<br>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table></details>\n");
    }

    private static String plan(PlanSummary plan) {
        if (plan == null) {
            return "";
        }
        return esc(String.join(" → ", plan.nodeTypes())) + (plan.seqScans().isEmpty() ? "" : "<br>seq scan: " + esc(String.join(", ", plan.seqScans())))
                + "<br>rows: " + Format.count(plan.estimatedRows()) + " estimated, " + Format.count(plan.actualRows()) + " actual";
    }

    /** Horizontal bars: each migration's runtime, coloured by verdict. */
    static String runtimeChart(List<MigrationResult> migrations, Function<MigrationResult, String> names) {
        if (migrations.isEmpty()) {
            return "";
        }
        double max = Math.max(1, migrations.stream().mapToDouble(MigrationResult::millis).max().orElse(1));
        int row = 22;
        int height = migrations.size() * row + 10;
        StringBuilder svg = new StringBuilder("<svg role=\"img\" aria-label=\"Runtime per migration\" width=\"100%\" viewBox=\"0 0 1000 ")
                .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\" style=\"max-width:1000px\">\n");
        for (int i = 0; i < migrations.size(); i++) {
            MigrationResult m = migrations.get(i);
            double width = Math.max(1, 600 * m.millis() / max);
            int y = 5 + i * row;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\" fill=\"#1f2328\">%s</text>"
                            + "<rect x=\"300\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#59636e\">%s</text>%n",
                    y + 12, esc(abbreviate(names.apply(m), 40)), y, width, colour(m.verdict()), 305 + width, y + 12, Format.millis(m.millis())));
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Each lock as a bar from the start of the statement that took it, for as long as it was held
     * (until its transaction ended). Statement starts are the running sum of statement times.
     */
    static String lockTimeline(MigrationResult m) {
        List<StatementResult> statements = m.statements();
        double[] starts = new double[statements.size()];
        double clock = 0;
        double end = 0;
        int locks = 0;
        for (int i = 0; i < statements.size(); i++) {
            starts[i] = clock;
            clock += statements.get(i).millis();
            for (LockHeld lock : statements.get(i).locks()) {
                end = Math.max(end, starts[i] + lock.heldMillis());
                locks++;
            }
        }
        if (locks == 0) {
            return "";
        }
        double span = Math.max(end, clock);
        int row = 20;
        StringBuilder svg = new StringBuilder("<svg role=\"img\" aria-label=\"Lock timeline\" width=\"100%\" viewBox=\"0 0 1000 ")
                .append(locks * row + 24).append("\" xmlns=\"http://www.w3.org/2000/svg\" style=\"max-width:1000px\">\n");
        int y = 4;
        for (int i = 0; i < statements.size(); i++) {
            for (LockHeld lock : statements.get(i).locks()) {
                double x = 380 + 560 * starts[i] / span;
                double width = Math.max(2, 560 * lock.heldMillis() / span);
                svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"11\" fill=\"#1f2328\">%s</text>"
                                + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"><title>%s</title></rect>%n",
                        y + 11, esc(abbreviate(lock.mode() + " " + lock.relation(), 55)), x, y, width,
                        lock.mode().equals("ACCESS EXCLUSIVE") ? "#cf222e" : lock.blocks().contains("INSERT/UPDATE/DELETE") ? "#d4a72c" : "#8c959f",
                        esc(Format.lock(lock))));
                y += row;
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"380\" y=\"%d\" font-size=\"11\" fill=\"#59636e\">0</text>"
                + "<text x=\"940\" y=\"%d\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">%s</text>%n", y + 12, y + 12, Format.millis(span)));
        return svg.append("</svg>\n").toString();
    }

    private static String colour(Verdict verdict) {
        return verdict == null ? "#8c959f" : switch (verdict) {
            case OK -> "#2da44e";
            case WARNING -> "#d4a72c";
            case CRITICAL, FAILED -> "#cf222e";
        };
    }

    private static String anchor(MigrationResult m) {
        return "m-" + (m.source() + "-" + m.id()).replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String abbreviate(String sql) {
        return abbreviate(sql, 2_000);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
