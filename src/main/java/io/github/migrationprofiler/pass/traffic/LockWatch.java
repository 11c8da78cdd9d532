package io.github.migrationprofiler.pass.traffic;

import io.github.migrationprofiler.catalog.LockPoller;
import io.github.migrationprofiler.catalog.LockWaits;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of the pass's backends wait on a heavyweight lock, every few milliseconds, from a
 * connection of its own ({@link LockWaits}): a query counts as blocked when its backend was seen
 * waiting for the migration while it ran (directly, or queued behind a request that waits for
 * it; two clients waiting on each other's rows are not the migration's doing), and the number
 * waiting at once for the migration, with the migration itself, is the lock queue's depth.
 */
final class LockWatch {

    /** One look: when, which backends were waiting on a lock, and which of them waited for the migration. */
    record Look(long at, Set<Integer> waiting, Set<Integer> behindMigration) {

        /** The migration's lock queue at this look: what waits for it, and the migration when it waits itself. */
        int queueDepth(int migrationPid) {
            return behindMigration.size() + (waiting.contains(migrationPid) ? 1 : 0);
        }
    }

    private final LockWaits waits;
    private final LockPoller poller = new LockPoller("migration-profiler-lock-watch", 0, this::look);
    private final List<Look> looks = new ArrayList<>();
    private final int migrationPid;

    /** @param pids the backends to watch; @param migrationPid the migration's among them */
    LockWatch(Connection connection, List<Integer> pids, int migrationPid) throws SQLException {
        this.waits = new LockWaits(connection, pids);
        this.migrationPid = migrationPid;
    }

    void start() {
        poller.start();
    }

    void stop() {
        poller.stop();
    }

    private void look() {
        long at = System.nanoTime();
        try {
            LockWaits.Waiting waiting = waits.read();
            Look look = new Look(at, Set.copyOf(waiting.pids()), Set.copyOf(waiting.behind(migrationPid)));
            synchronized (looks) {
                looks.add(look);
            }
        } catch (SQLException e) {
            // the pass is over or its database gone: what was seen stays
        }
    }

    List<Look> looks() {
        synchronized (looks) {
            return List.copyOf(looks);
        }
    }

    /** Whether {@code pid} was seen waiting for the migration between {@code start} and {@code end}. */
    static boolean waitedForMigration(List<Look> looks, int pid, long start, long end) {
        return looks.stream().anyMatch(l -> l.at() >= start && l.at() <= end && l.behindMigration().contains(pid));
    }

    /** How long {@code pid} was seen waiting in all, in milliseconds (each look counts until the next). */
    static double waitedMillis(List<Look> looks, int pid) {
        long nanos = 0;
        for (int i = 0; i + 1 < looks.size(); i++) {
            if (looks.get(i).waiting().contains(pid)) {
                nanos += looks.get(i + 1).at() - looks.get(i).at();
            }
        }
        return nanos / 1e6;
    }

    /** When {@code pid} was last seen waiting, or -1. */
    static long lastWaiting(List<Look> looks, int pid) {
        long last = -1;
        for (Look look : looks) {
            if (look.waiting().contains(pid)) {
                last = look.at();
            }
        }
        return last;
    }
}
