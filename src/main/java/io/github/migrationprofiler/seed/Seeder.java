package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.source.Migration;

import java.util.List;

/**
 * Fills tables with data while migrations are applied, so that the migrations under review meet
 * production-sized tables. The profiler calls it where data must appear: once the baseline
 * stands, and after each reviewed migration (for the tables it created).
 */
public interface Seeder {

    /**
     * Seeds the tables that exist now and are still empty.
     *
     * @param applied the last migration applied, or {@code null} when none was
     * @return the tables it wrote rows into, in the order it wrote them (parents first)
     */
    List<String> seedNewTables(Migration applied);

    /** Leaves tables as the migrations left them: profiles on empty tables. */
    Seeder NONE = applied -> List.of();
}
