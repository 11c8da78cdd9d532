package io.github.migrationprofiler.result;

import java.util.List;

/**
 * What a profiling pass over a migration source produced.
 *
 * @param baseline   migrations applied (unmeasured) before the first one under review
 * @param migrations the migrations under review, plus any migration that failed
 * @param timing     how their runtimes were measured; {@code null} when no pass says
 */
public record Profile(List<String> baseline, List<MigrationResult> migrations, RunResult.Timing timing) {

    public Profile(List<String> baseline, List<MigrationResult> migrations) {
        this(baseline, migrations, null);
    }

    /** The same profile with other migration results. */
    public Profile with(List<MigrationResult> others) {
        return new Profile(baseline, others, timing);
    }

    public Profile {
        baseline = List.copyOf(baseline);
        migrations = List.copyOf(migrations);
    }
}
