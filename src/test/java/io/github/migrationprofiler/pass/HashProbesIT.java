package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.it.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** What a probe of a hash join costs as its table outgrows the CPU's caches, measured on a real server. */
class HashProbesIT {

    static final TestPostgres server = TestPostgres.shared();

    @Test
    void aHashBeyondTheCachesCostsMorePerProbeAndTheMeasurementLeavesNothing() throws Exception {
        try (Connection c = server.admin("postgres")) {
            HashProbes probes = new HashProbes(() -> c);

            assertThat(probes.fittingKeys()).as("maintenance_work_mem's default, 64 MB, at 50 bytes a key").isEqualTo(64L * 1024 * 1024 / 50);
            double extra = probes.extraNanosPerProbe(1_000, 1_000_000);
            assertThat(extra).as("a 50 MB hash waits for memory on every probe; a 50 kB one sits in the cache").isGreaterThan(20);
            assertThat(probes.extraNanosPerProbe(1_000_000, 1_000)).as("a smaller hash costs no more").isZero();
            assertThat(probes.nanos()).isPositive();
            assertThat(TestPostgres.count(c, "SELECT count(*) FROM pg_class WHERE relname LIKE 'migration_profiler_%'"))
                    .as("its temporary tables went with its transaction").isZero();
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(TestPostgres.string(c, "SHOW max_parallel_workers_per_gather")).as("its settings went too").isEqualTo("2");
        }
    }
}
