package io.github.migrationprofiler.run;

import io.github.migrationprofiler.analysis.VersionDifferences;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.report.Reports;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.VersionMatrix;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile goal over several PostgreSQL majors ({@code postgresVersions}): one whole profile
 * per major in turn, each with its reports in a directory of its own ({@code postgres-14/}); then
 * the first major's results, with what differed on the others, where a single run's go.
 */
public final class MatrixRun {

    private final ProfilerLog log;

    public MatrixRun(ProfilerLog log) {
        this.log = log;
    }

    /** Every major's run, in the order given; the first carries the differences ({@link RunResult#versions()}). */
    public List<RunResult> run(ProfilerConfig config, List<Integer> majors) {
        Map<Integer, RunResult> runs = new LinkedHashMap<>();
        Map<Integer, String> files = new LinkedHashMap<>();
        for (int major : majors) {
            String directory = "postgres-" + major;
            log.info("PostgreSQL " + major + " (" + (runs.size() + 1) + " of " + majors.size() + " in postgresVersions); its reports: "
                    + config.outputDirectory().resolve(directory));
            ProfilerConfig one = config.toBuilder().postgresVersion(major).outputDirectory(config.outputDirectory().resolve(directory))
                    .reportsDirectory(config.reportsDirectory().resolve(directory)).stepSummary(null).build();
            runs.put(major, new ProfileRun(log).run(one));
            files.put(major, directory + "/" + ResultsJson.FILE_NAME);
        }
        VersionMatrix matrix = VersionDifferences.of(runs, files);
        log.info("Across PostgreSQL " + matrix.majors() + ": " + (matrix.differences().isEmpty() ? "no migration behaved differently"
                : matrix.differences().size() + " migration(s) behaved differently"));
        matrix.differences().forEach(d -> d.what().forEach(what -> log.warn("  " + d.migration() + ": " + what)));
        List<RunResult> all = new ArrayList<>(runs.values());
        all.set(0, all.get(0).withVersions(matrix));
        Reports.write(all.get(0), config, log);
        return all;
    }
}
