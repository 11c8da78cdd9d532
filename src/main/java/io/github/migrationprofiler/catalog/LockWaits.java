package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of some backends wait on a heavyweight lock right now
 * ({@code pg_stat_activity.wait_event_type = 'Lock'}), and whom each waits for
 * ({@code pg_blocking_pids}: the holders of a conflicting lock and the requests queued ahead of
 * it), read from another connection.
 */
public final class LockWaits {

    /**
     * One reading.
     *
     * @param blockers for each waiting backend, the backends it waits for
     */
    public record Waiting(Map<Integer, Set<Integer>> blockers) {

        public Set<Integer> pids() {
            return blockers.keySet();
        }

        /**
         * The waiting backends that wait for {@code culprit}, directly or through a chain of
         * waiters: a query queued behind a lock request that itself waits for the culprit waits
         * for the culprit too.
         */
        public Set<Integer> behind(int culprit) {
            Set<Integer> behind = new HashSet<>();
            for (int pid : blockers.keySet()) {
                if (pid != culprit && leadsTo(pid, culprit)) {
                    behind.add(pid);
                }
            }
            return behind;
        }

        private boolean leadsTo(int from, int culprit) {
            Set<Integer> seen = new HashSet<>();
            Deque<Integer> todo = new ArrayDeque<>(List.of(from));
            while (!todo.isEmpty()) {
                for (int blocker : blockers.getOrDefault(todo.pop(), Set.of())) {
                    if (blocker == culprit) {
                        return true;
                    }
                    if (seen.add(blocker)) {
                        todo.push(blocker);
                    }
                }
            }
            return false;
        }
    }

    private final PreparedStatement query;

    /** @param watcher a connection of the reader's own; @param pids the backends to watch */
    public LockWaits(Connection watcher, List<Integer> pids) throws SQLException {
        // pg_blocking_pids only for the few that wait: it takes the lock manager's partition locks
        this.query = watcher.prepareStatement("SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity "
                + "WHERE pid = ANY (?) AND wait_event_type = 'Lock'");
        this.query.setArray(1, watcher.createArrayOf("int4", pids.toArray(Integer[]::new)));
    }

    /** The backends waiting now, and for whom. */
    public synchronized Waiting read() throws SQLException {
        Map<Integer, Set<Integer>> blockers = new HashMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Set<Integer> by = new HashSet<>();
                for (Integer pid : (Integer[]) rs.getArray(2).getArray()) {
                    by.add(pid);
                }
                blockers.put(rs.getInt(1), by);
            }
        }
        return new Waiting(blockers);
    }
}
