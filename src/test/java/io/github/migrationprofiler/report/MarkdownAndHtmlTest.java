package io.github.migrationprofiler.report;

import io.github.migrationprofiler.analysis.ProjectionFit;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Iterations;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.RunError;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.result.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownAndHtmlTest {

    @TempDir
    Path dir;

    private final RunResult run = Runs.everyVerdict();

    @Test
    void whatTheRunCouldNotObserveIsSaidInEveryReport() {
        RunResult warned = RunResult.of(run.startedAt(), run.engine(), run.database(), run.source(),
                new Profile(run.baseline(), run.migrations(), run.timing()), run.seed(),
                List.of("The settings in force could not be read (permission denied): engine.settings is left out"));

        assertThat(MarkdownSummary.render(warned)).contains("> ⚠ The settings in force could not be read (permission denied)");
        assertThat(HtmlReport.fragment(warned)).contains("<p class=\"v-WARNING\">The settings in force could not be read");
    }

    @Test
    void aJudgedRunSurvivesTheTripThroughResultsJson() {
        RunResult back = ResultsJson.read(ResultsJson.write(run, dir));

        assertThat(back).isEqualTo(run);
        assertThat(HtmlReport.fragment(back)).isEqualTo(HtmlReport.fragment(run));
    }

    @Test
    void whatIsNotOursIsInertInMarkdownWhateverItHolds() {
        String table = "\"a.b\".\"<script>alert(1)</script>\"";
        MigrationResult hostile = new MigrationResult("V2__<img src=x onerror=alert(1)>.sql", null, "db/V2__x`y.sql", 1, Status.PASSED,
                1.0, 0, List.of(), null, List.of("measured on " + table), Kind.SMALL,
                List.of(new Finding(RuleId.FOREIGN_KEY_WITHOUT_INDEX, Severity.WARNING, "Foreign key <script>alert(1)</script>_fkey on "
                        + table, "index it")), Verdict.WARNING, List.of("over <b>the</b> line"), null);
        RunResult run = RunResult.of(this.run.startedAt(), this.run.engine(), null, "db", new Profile(List.of(), List.of(hostile)), null);

        String md = MarkdownSummary.render(run);

        assertThat(md).doesNotContain("<script", "<b>")
                .contains("Foreign key &lt;script&gt;alert(1)&lt;/script&gt;_fkey on \"a.b\".\"&lt;script&gt;")
                .contains("measured on \"a.b\".\"&lt;script&gt;")
                .contains("over &lt;b&gt;the&lt;/b&gt; line");
        // a name is a code span, which no renderer reads as HTML; a backtick in it gets a longer fence
        assertThat(md).contains("| `` V2__<img src=x onerror=alert(1)>.sql · V2__x`y.sql `` |");
    }

    @Test
    void markdownHasVerdictTableAndFindings() {
        String md = MarkdownSummary.render(run);

        assertThat(md).startsWith("## Migration profile: 💥 FAILED\n\nPostgreSQL 17.6 (docker, postgres:17) · medium scale (100,000 child rows, seed 42)");
        assertThat(md).contains("| `003-token (alice) · changes.yaml` | LARGE | 1.23 s | 0 | ACCESS EXCLUSIVE on public.items (1.25 s) | ❌ CRITICAL: ran 1.2 s, over the critical line of 1 s |");
        assertThat(md).contains("- **003-token (alice) · changes.yaml**\n  - `table-rewrite` (error): rewrote public.items | under lock  \n    → add it nullable");
        assertThat(md).contains("**V4__bad.sql** failed: `db/V4__bad.sql:2 (file V4__bad.sql, line 2): SQLSTATE 42P01: relation \"nope\" does not exist`");
    }

    @Test
    void aLongHistoryStaysUnderGitHubsCommentLimitWorstFirst() {
        List<MigrationResult> many = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            MigrationResult template = run.migrations().get(i == 700 ? 2 : i % 3 == 0 ? 1 : 0); // one critical, many warnings
            many.add(new MigrationResult(String.format("%04d-change-with-a-longish-name", i), "someone", "db/changelog/changes-" + (i / 100)
                    + ".xml", i, template.status(), template.millis(), template.rowsAffected(), template.statements(), template.error(),
                    template.warnings(), template.kind(), i % 3 == 0 ? run.migrations().get(2).findings() : template.findings(),
                    template.verdict(), template.reasons(), null));
        }
        RunResult large = RunResult.of(run.startedAt(), run.engine(), run.database(), run.source(), new Profile(List.of(), many), run.seed());
        large = large.judged(large.migrations(), run.gate());

        String md = MarkdownSummary.render(large);

        assertThat(md.length()).isLessThan(65_536);
        assertThat(md).contains("1500 migrations are more than a comment holds", "see report.html");
        assertThat(md.indexOf("0700-change-with-a-longish-name (someone) · changes-7.xml"))
                .as("the critical one comes first").isLessThan(md.indexOf("0000-change"));
        assertThat(md).contains("`table-rewrite` (error)", "(→ as above)");
        assertThat(md.split("→ add it nullable", -1)).as("a rule's advice is given once").hasSize(2);
        assertThat(MarkdownSummary.render(run)).doesNotContain("more than a comment holds");
    }

    @Test
    void repeatedCleanRunsShowTheirSpreadAndTheRunSaysHowItWasTimed() throws Exception {
        MigrationResult ok = run.migrations().get(0);
        MigrationResult timed = new MigrationResult(ok.id(), ok.author(), ok.source(), ok.line(), ok.status(), 3.25, 0,
                List.of(ok.statements().get(0)), null, List.of(), ok.kind(), List.of(), ok.verdict(), List.of(), null, 19.5,
                Iterations.of(3.0, 3.25, 4.5), null, null);
        RunResult clean = RunResult.of(run.startedAt(), run.engine(), run.database(), run.source(), new Profile(List.of(), List.of(timed),
                new RunResult.Timing("clean", 3, Map.of("fsync", "on"), null)), run.seed());
        RunResult back = ResultsJson.read(ResultsJson.write(clean, dir));

        String md = MarkdownSummary.render(back);
        String html = HtmlReport.fragment(back);

        assertThat(back).isEqualTo(clean);
        assertThat(md).contains("Runtimes from a clean pass: each reviewed migration ran again on the same data with nothing "
                + "watching it, 3 times on fresh copies (median shown) · fsync on");
        assertThat(md).contains("| 3.3 ms (mean 3.6, sd 0.8, 3.0–4.5 ms, 3 runs) |");
        assertThat(html).contains("3.3 ms (mean 3.6, sd 0.8, 3.0–4.5 ms, 3 runs)", "(instrumented pass 19.5 ms)");
    }

    @Test
    void aProjectionShowsWhereTheMeasurementLeadsInEveryReport() throws Exception {
        MigrationResult critical = run.migrations().get(2);
        Projection projection = ProjectionFit.fit(
                Projection.Model.LINEAR, "public.items",
                List.of(new Projection.Point(25_000, 310),
                        new Projection.Point(50_000, 620),
                        new Projection.Point(100_000, 1234.5)), 40_000_000)
                .withLock(494_000, "ACCESS EXCLUSIVE").plus(0, "each row probes a larger hash in production");
        MigrationResult projected = new MigrationResult(critical.id(), critical.author(), critical.source(), critical.line(),
                critical.status(), critical.millis(), 0, critical.statements(), null, List.of(), critical.kind(), critical.findings(),
                critical.verdict(), critical.reasons(), null, null, null, projection, null);
        RunResult withProjection = RunResult.of(run.startedAt(), run.engine(), run.database(), run.source(), new Profile(List.of(),
                List.of(run.migrations().get(0), projected), new RunResult.Timing("clean", 1, Map.of(), null,
                List.of(0.25, 0.5, 1.0), "projected to production's rows (productionRows) from 25 %, 50 %, 100 % of the scale")), run.seed());
        RunResult back = ResultsJson.read(ResultsJson.write(withProjection, dir));

        String md = MarkdownSummary.render(back);
        String html = HtmlReport.fragment(back);

        assertThat(back).isEqualTo(withProjection);
        assertThat(md).contains("| Production (projected) |", "| ≈ 8 min 13 s at 40,000,000 rows |", "| — |");
        assertThat(md).contains("### At production size", "**003-token (alice) · changes.yaml**: 1.2 s at 100,000 rows → about "
                + "8 min 13 s (6 min 59 s – 10 min 41 s) at 40,000,000 rows; ACCESS EXCLUSIVE held as long (a + b·n, R² 1.0). Each row probes a larger hash in production");
        assertThat(md).contains("projected to production's rows (productionRows) from 25 %, 50 %, 100 % of the scale");
        assertThat(html).contains("<th>Production (projected)</th>", "<strong>At production size:</strong>",
                "aria-label=\"Runtime against rows, measured and projected\"", "<title>1.23 s at 100,000 rows (measured)</title>");
        assertThat(MarkdownSummary.render(run)).doesNotContain("Production (projected)");
    }

    @Test
    void trafficIsToldInNumbersAndDrawnAsATimeline() throws Exception {
        MigrationResult critical = run.migrations().get(2);
        Traffic traffic = new Traffic(List.of("public.items"), 4,
                904, 4, 2, 2, 142, 2901.7, 1.2, 2650.0, 2903.0, 1.6, Map.of(), 2901.7, 5, 3100.0, false, 2903.0, 2899.6,
                List.of(new Traffic.Step(-1000, 20, 0, 1.4),
                        new Traffic.Step(2900, 40, 4, 2901.7)), null);
        MigrationResult withTraffic = new MigrationResult(critical.id(), critical.author(), critical.source(), critical.line(),
                critical.status(), critical.millis(), 0, critical.statements(), null, List.of(), critical.kind(), critical.findings(),
                critical.verdict(), critical.reasons(), null, null, null, null, traffic);
        RunResult result = RunResult.of(run.startedAt(), run.engine(), run.database(), run.source(),
                new Profile(List.of(), List.of(withTraffic)), run.seed());
        RunResult back = ResultsJson.read(ResultsJson.write(result, dir));

        String md = MarkdownSummary.render(back);
        String html = HtmlReport.fragment(back);

        assertThat(back).isEqualTo(result);
        String told = "4 of 904 queries on public.items waited on its locks (2 reads, 2 writes), up to 2.9 s, and 142 more were delayed "
                + "behind them; p99 2 ms → 2.9 s; deepest lock queue 5; the migration waited 2.9 s for its locks behind a 3.1 s query";
        assertThat(md).contains("### Traffic", "**003-token (alice) · changes.yaml**: " + told);
        assertThat(html).contains("<strong>Traffic:</strong> " + told, "aria-label=\"Query latency during the migration\"",
                "40 queries, slowest 2.90 s, 4 waited on the migration&#39;s locks", ">commit</text>");
    }

    @Test
    void markdownIsAppendedToTheStepSummary() throws Exception {
        Path stepSummary = dir.resolve("step-summary.md");
        Files.writeString(stepSummary, "earlier step\n");

        MarkdownSummary.write(run, dir, stepSummary);

        assertThat(Files.readString(stepSummary)).startsWith("earlier step\n## Migration profile");
        assertThat(dir.resolve("summary.md")).content().isEqualTo(MarkdownSummary.render(run));
    }

    @Test
    void htmlIsSelfContainedAndEscapesWhatItShows() throws Exception {
        String html = Files.readString(HtmlReport.write(run, dir));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Migration profile: FAILED</title>");
        assertThat(html).doesNotContain("<script", "<link", " src=", "href=\"http", "@import", "url(");
        assertThat(html).contains("UPDATE items SET price = price * 1.1 WHERE &quot;price&quot; &lt; 5 AND note &lt;&gt; &#39;&lt;b&gt;&#39;");
        assertThat(html).contains("ACCESS EXCLUSIVE on public.items (1.25 s; blocks SELECT, SELECT … FOR UPDATE/SHARE, INSERT/UPDATE/DELETE, DDL/VACUUM)");
        assertThat(html).contains("ModifyTable → Seq Scan<br>seq scan: public.items<br>rows: 4,800 estimated, 5,000 actual");
        assertThat(html).contains("aria-label=\"Runtime per migration\"", "aria-label=\"Lock timeline\"");
        assertThat(html).contains("add it nullable", "Thresholds: warnSmall 30 s · critical 1 s");
    }

    @Test
    void skippedChangesetsGapsAndRepeatedIdsAreShownWithoutDrowningTheTable() {
        List<MigrationResult> migrations = new ArrayList<>(run.migrations());
        migrations.add(MigrationResult.skipped("1", "fineract", "db/parts/0016_ref_no.xml", 28, "Context does not match 'postgresql'"));
        migrations.add(new MigrationResult("1", "fineract", "db/parts/0020_audit.xml", 34, Status.PASSED, 2.5, 0, List.of(), null, List.of(),
                Kind.SMALL, List.of(), Verdict.OK, List.of(), null));
        migrations.add(new MigrationResult("1", "fineract", "db/parts/0021_batch.xml", 25, Status.PASSED, 1.5, 0, List.of(), null, List.of(),
                Kind.SMALL, List.of(), Verdict.OK, List.of(), null));
        SeedSummary seed = new SeedSummary("medium", 100_000, 42, run.seed().tables(),
                List.of(new SeedSummary.Gap("public.jobs", "a later migration, V7, fills it with INSERT … SELECT")), 1.0, null);
        RunResult withMore = new RunResult(run.schemaVersion(), run.startedAt(), run.engine(), run.database(), run.source(),
                run.baseline(), migrations, new RunResult.Totals(1, 6, 1, 1), seed, run.gate(), null, null, null, List.of(), null);

        String md = MarkdownSummary.render(withMore);
        String html = HtmlReport.fragment(withMore);

        assertThat(md).contains("| `1 (fineract) · 0020_audit.xml` |", "| `1 (fineract) · 0021_batch.xml` |");
        assertThat(md).doesNotContain("| `1 (fineract) · 0016_ref_no.xml` |");
        assertThat(md).contains("1 skipped (not applied on PostgreSQL with this configuration): `1 (fineract) · 0016_ref_no.xml` "
                + "(Context does not match 'postgresql')");
        assertThat(md).contains("### Seeding gaps", "- `public.jobs`: a later migration, V7, fills it with INSERT … SELECT");
        assertThat(html).contains("1 skipped (not applied on PostgreSQL with this configuration)</summary>", "<h3>Seeding gaps</h3>");
    }

    @Test
    void aRunThatStoppedEarlySaysWhereAndWhy() {
        RunResult stopped = RunResult.failed("2026-11-23T10:00:00Z", new RunResult.Engine("embedded", null, null),
                "Liquibase changelog db/master.xml (3 changesets)", new RunError("rehearsal", "customChange class com.x.Y is not on the "
                        + "plugin's classpath"));

        assertThat(stopped.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(MarkdownSummary.render(stopped)).isEqualTo("""
                ## Migration profile: 💥 FAILED

                PostgreSQL (embedded) · Liquibase changelog db/master.xml (3 changesets)

                **The run stopped during rehearsal: customChange class com.x.Y is not on the plugin's classpath**
                """);
        assertThat(HtmlReport.fragment(stopped)).contains("<strong>The run stopped during rehearsal: customChange class com.x.Y is not");
    }
}
