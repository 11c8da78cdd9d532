package io.github.migrationprofiler.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Which of the pass's backends wait on a heavyweight lock, every few milliseconds, from a
 * connection of its own ({@code pg_stat_activity.wait_event_type = 'Lock'}): a query counts as
 * blocked when its backend was seen waiting while it ran, and the number waiting at once is the
 * lock queue's depth.
 */
final class LockWatch implements Runnable {

    private static final long POLL_NANOS = 5_000_000;

    /** One look: when, and which backends were waiting on a lock. */
    record Look(long at, Set<Integer> waiting) {
    }

    private final Connection connection;
    private final Integer[] pids;
    private final List<Look> looks = new ArrayList<>();
    private volatile boolean stopping;

    LockWatch(Connection connection, List<Integer> pids) {
        this.connection = connection;
        this.pids = pids.toArray(Integer[]::new);
    }

    @Override
    public void run() {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE pid = ANY (?) AND wait_event_type = 'Lock'")) {
            s.setArray(1, connection.createArrayOf("int4", pids));
            while (!stopping) {
                long at = System.nanoTime();
                Set<Integer> waiting = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        waiting.add(rs.getInt(1));
                    }
                }
                synchronized (looks) {
                    looks.add(new Look(at, waiting));
                }
                LockSupport.parkNanos(Math.max(0, at + POLL_NANOS - System.nanoTime()));
            }
        } catch (SQLException e) {
            // the pass is over or its database gone: what was seen stays
        }
    }

    void stop() {
        stopping = true;
    }

    List<Look> looks() {
        synchronized (looks) {
            return List.copyOf(looks);
        }
    }

    /** Whether {@code pid} was seen waiting between {@code start} and {@code end}. */
    static boolean waited(List<Look> looks, int pid, long start, long end) {
        return looks.stream().anyMatch(l -> l.at() >= start && l.at() <= end && l.waiting().contains(pid));
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
