package io.github.migrationprofiler.profile;

import java.util.List;

/**
 * What a profiling pass over a migration source produced.
 *
 * @param baseline   migrations applied (unmeasured) before the first one under review
 * @param migrations the migrations under review, plus any migration that failed
 */
public record Profile(List<String> baseline, List<MigrationResult> migrations) {

    public Profile {
        baseline = List.copyOf(baseline);
        migrations = List.copyOf(migrations);
    }
}
