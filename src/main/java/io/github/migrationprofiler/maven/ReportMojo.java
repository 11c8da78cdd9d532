package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.report.HtmlReport;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.support.ProfilerException;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.util.Locale;

/**
 * The migration profile as a Maven site page ({@code target/site/migration-profiler.html}),
 * rendered from the {@code results.json} that the profile goal wrote: run {@code mvn verify site}.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** The results to render, as written by the profile goal. */
    @Parameter(property = "migration-profiler.resultsFile", defaultValue = "${project.build.directory}/migration-profiler/results.json")
    File resultsFile;

    @Override
    public String getOutputName() {
        return "migration-profiler";
    }

    @Override
    public String getName(Locale locale) {
        return "Migration profile";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Runtime, locks, rewrites and findings of each database migration, measured on production-scale data.";
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        if (resultsFile.isFile()) {
            try {
                sink.rawText(HtmlReport.fragment(ResultsJson.read(resultsFile.toPath())));
            } catch (ProfilerException e) {
                throw new MavenReportException(e.getMessage(), e);
            }
        } else {
            getLog().warn("No migration profile at " + resultsFile + ": run the profile goal (mvn verify) before mvn site");
            sink.paragraph();
            sink.text("No migration profile yet: run mvn verify (or mvn migration-profiler:profile) before mvn site.");
            sink.paragraph_();
        }
        sink.body_();
    }
}
