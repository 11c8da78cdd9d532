package io.github.migrationprofiler.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom a waiting backend waits for, as pg_blocking_pids chains say: the migration's doing, or not. */
class LockWaitsTest {

    private static final int MIGRATION = 1;

    @Test
    void aQueryQueuedBehindTheMigrationsRequestWaitsForTheMigrationEvenWhileTheMigrationWaitsForAReader() {
        // the migration (1) waits for a reader (9); clients 2 and 3 are queued behind the migration's request
        LockWaits.Waiting waiting = new LockWaits.Waiting(Map.of(MIGRATION, Set.of(9), 2, Set.of(MIGRATION), 3, Set.of(2, MIGRATION)));

        assertThat(waiting.behind(MIGRATION)).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void clientsWaitingOnEachOthersRowsAreNotTheMigrationsDoing() {
        LockWaits.Waiting waiting = new LockWaits.Waiting(Map.of(2, Set.of(3), 4, Set.of(2), 3, Set.of(5)));

        assertThat(waiting.behind(MIGRATION)).isEmpty();
        assertThat(waiting.pids()).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void aChainThatLeadsThroughAnotherWaiterToTheMigrationCountsAndACycleEnds() {
        LockWaits.Waiting waiting = new LockWaits.Waiting(Map.of(4, Set.of(2), 2, Set.of(MIGRATION), 6, Set.of(7), 7, Set.of(6)));

        assertThat(waiting.behind(MIGRATION)).containsExactlyInAnyOrder(2, 4);
    }
}
