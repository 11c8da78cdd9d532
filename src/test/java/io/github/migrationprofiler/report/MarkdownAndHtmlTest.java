package io.github.migrationprofiler.report;

import io.github.migrationprofiler.profile.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownAndHtmlTest {

    @TempDir
    Path dir;

    private final RunResult run = Runs.everyVerdict();

    @Test
    void aJudgedRunSurvivesTheTripThroughResultsJson() {
        RunResult back = ResultsJson.read(ResultsJson.write(run, dir));

        assertThat(back).isEqualTo(run);
        assertThat(HtmlReport.fragment(back)).isEqualTo(HtmlReport.fragment(run));
    }

    @Test
    void markdownHasVerdictTableAndFindings() {
        String md = MarkdownSummary.render(run);

        assertThat(md).startsWith("## Migration profile: 💥 FAILED\n\nPostgreSQL 17.6 (docker, postgres:17) · medium scale (100,000 child rows, seed 42)");
        assertThat(md).contains("| `003-token (alice)` | LARGE | 1.23 s | 0 | ACCESS EXCLUSIVE on public.items (1.25 s) | ❌ CRITICAL: ran 1.2 s, over the critical line of 1 s |");
        assertThat(md).contains("- **003-token (alice)** `table-rewrite` (error): rewrote public.items | under lock  \n  → add it nullable");
        assertThat(md).contains("**V4__bad.sql** failed: `db/V4__bad.sql:2 (file V4__bad.sql, line 2): SQLSTATE 42P01: relation \"nope\" does not exist`");
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
}
