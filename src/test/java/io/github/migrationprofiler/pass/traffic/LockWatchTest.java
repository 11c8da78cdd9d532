package io.github.migrationprofiler.pass.traffic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the looks at pg_stat_activity say about who waited, how long and when. */
class LockWatchTest {

    private static final long MS = 1_000_000;

    private final List<LockWatch.Look> looks = List.of(
            new LockWatch.Look(0, Set.of(), Set.of()),
            new LockWatch.Look(5 * MS, Set.of(7, 9), Set.of(7)),
            new LockWatch.Look(10 * MS, Set.of(7), Set.of(7)),
            new LockWatch.Look(15 * MS, Set.of(), Set.of()),
            new LockWatch.Look(20 * MS, Set.of(9), Set.of()));

    @Test
    void aBackendWaitedForTheMigrationWhenALookInItsQuerysSpanSawItWaitingForIt() {
        assertThat(LockWatch.waitedForMigration(looks, 7, 4 * MS, 11 * MS)).isTrue();
        assertThat(LockWatch.waitedForMigration(looks, 7, 11 * MS, 30 * MS)).as("after its waits").isFalse();
        assertThat(LockWatch.waitedForMigration(looks, 9, 0, 30 * MS)).as("waiting on someone else").isFalse();
        assertThat(LockWatch.waitedForMigration(looks, 8, 0, 30 * MS)).isFalse();
    }

    @Test
    void theQueueIsWhatWaitsForTheMigrationAndTheMigrationWhileItWaits() {
        assertThat(looks.get(1).queueDepth(9)).isEqualTo(2);
        assertThat(looks.get(2).queueDepth(1)).isEqualTo(1);
    }

    @Test
    void eachLookCountsUntilTheNextForHowLongABackendWaited() {
        assertThat(LockWatch.waitedMillis(looks, 7)).isEqualTo(10.0);
        assertThat(LockWatch.waitedMillis(looks, 9)).as("the last look has no next to count to").isEqualTo(5.0);
        assertThat(LockWatch.lastWaiting(looks, 9)).isEqualTo(20 * MS);
        assertThat(LockWatch.lastWaiting(looks, 8)).isEqualTo(-1);
    }
}
