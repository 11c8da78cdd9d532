package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.source.Migration;

/**
 * Fills tables with data while migrations are applied, so that the migrations under review meet
 * production-sized tables. The profiler calls it at the two points where data must appear:
 * once the baseline stands, and after each reviewed migration (for the tables it created).
 */
public interface Seeder {

    /** The baseline is applied; the first migration under review comes next. */
    void beforeReview();

    /** {@code migration} (under review) has been applied and committed. */
    void afterMigration(Migration migration);

    /** Leaves tables as the migrations left them: profiles on empty tables. */
    Seeder NONE = new Seeder() {
        @Override public void beforeReview() { }
        @Override public void afterMigration(Migration migration) { }
    };
}
