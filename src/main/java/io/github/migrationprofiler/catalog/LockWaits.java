package io.github.migrationprofiler.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of some backends wait on a heavyweight lock right now
 * ({@code pg_stat_activity.wait_event_type = 'Lock'}), read from another connection.
 */
public final class LockWaits {

    private final PreparedStatement query;

    /** @param watcher a connection of the reader's own; @param pids the backends to watch */
    public LockWaits(Connection watcher, List<Integer> pids) throws SQLException {
        this.query = watcher.prepareStatement("SELECT pid FROM pg_stat_activity WHERE pid = ANY (?) AND wait_event_type = 'Lock'");
        this.query.setArray(1, watcher.createArrayOf("int4", pids.toArray(Integer[]::new)));
    }

    /** The backends waiting now. */
    public synchronized Set<Integer> read() throws SQLException {
        Set<Integer> waiting = new HashSet<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                waiting.add(rs.getInt(1));
            }
        }
        return waiting;
    }
}
