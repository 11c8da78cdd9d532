package io.github.migrationprofiler.catalog;

import io.github.migrationprofiler.result.LockMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The locks one backend holds on the application's relations ({@code pg_locks}, granted ones),
 * read from another connection. The migration tool's own tables (and their indexes) are not the
 * application's: Flyway may create its history table in the first migration's transaction.
 */
public final class HeldLocks implements AutoCloseable {

    private static final String QUERY = """
            SELECT %s, l.mode
              FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_index i ON i.indexrelid = c.oid
              JOIN pg_class t ON t.oid = coalesce(i.indrelid, c.oid)
             WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted AND %s AND NOT %s
            """.formatted(CatalogSql.QUALIFIED, CatalogSql.USER_SCHEMA, CatalogSql.toolTable("t"));

    /** One lock: the relation (qualified) and its mode. */
    public record Held(String relation, LockMode mode) {
    }

    private final Connection observer;
    private final PreparedStatement query;

    /** @param observer a connection of the reader's own, closed with it; @param pid the backend to watch */
    public HeldLocks(Connection observer, int pid) throws SQLException {
        this.observer = observer;
        this.query = observer.prepareStatement(QUERY);
        this.query.setInt(1, pid);
    }

    /** The locks held right now. */
    public synchronized List<Held> read() throws SQLException {
        List<Held> held = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                held.add(new Held(rs.getString(1), LockMode.fromPg(rs.getString(2))));
            }
        }
        return held;
    }

    @Override
    public void close() throws SQLException {
        query.close();
        observer.close();
    }
}
