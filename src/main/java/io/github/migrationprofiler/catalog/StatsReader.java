package io.github.migrationprofiler.catalog;

import io.github.migrationprofiler.support.ProfilerException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads production's statistics, gently: one read-only transaction with short statement and lock
 * timeouts, catalog and statistics views only. It creates nothing (no database, table or temporary
 * object) and reads no table row; values leave only for the columns listed in {@code valueColumns}.
 */
public final class StatsReader {

    /** Settings that change how long a migration runs, or what it can use. */
    public static final List<String> SETTINGS = List.of("maintenance_work_mem", "max_parallel_maintenance_workers",
            "max_parallel_workers", "work_mem", "shared_buffers", "effective_io_concurrency", "effective_cache_size",
            "max_wal_size", "min_wal_size", "checkpoint_timeout", "checkpoint_completion_target", "wal_level", "wal_buffers",
            "random_page_cost", "seq_page_cost", "synchronous_commit", "fsync", "full_page_writes", "default_statistics_target",
            "temp_buffers", "jit");

    private final Set<String> schemas;
    private final Set<String> valueColumns;

    /**
     * @param schemas      the schemas to read; empty = every schema but the system ones
     * @param valueColumns {@code table.column} names whose most common values and histogram may be copied
     */
    public StatsReader(Set<String> schemas, Set<String> valueColumns) {
        this.schemas = Set.copyOf(schemas);
        this.valueColumns = Set.copyOf(valueColumns);
    }

    public ProductionStats read(Connection connection) {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION READ ONLY");
                s.execute("SET LOCAL statement_timeout = '30s'");
                s.execute("SET LOCAL lock_timeout = '1s'");
                s.execute("SET LOCAL idle_in_transaction_session_timeout = '60s'");
            }
            List<String> unreadable = unreadable(connection);
            if (!unreadable.isEmpty()) {
                throw new ProfilerException("pg_stats shows no statistics for " + unreadable.size() + " table(s) this user may not read: "
                        + String.join(", ", unreadable.stream().limit(10).toList()) + (unreadable.size() > 10 ? ", …" : "")
                        + ". Grant it the right to read them (statistics only are read, never rows), e.g. GRANT SELECT ON "
                        + unreadable.get(0) + " TO " + currentUser(connection) + "; or leave their schemas out with "
                        + "migration-profiler.statsSchemas");
            }
            ProductionStats stats = new ProductionStats(ProductionStats.FORMAT_VERSION,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    Settings.current(connection, "server_version"), Settings.read(connection, SETTINGS), tables(connection));
            connection.rollback();
            return stats;
        } catch (SQLException e) {
            throw new ProfilerException("Cannot read production statistics: " + e.getMessage(), e);
        }
    }

    /** The schemas to read, as a condition on {@code n.nspname}; spaced, as a text block drops a line's trailing space. */
    private String schemaFilter() {
        return schemas.isEmpty() ? " " + CatalogSql.USER_SCHEMA + " " : " n.nspname = ANY (?) ";
    }

    private void bindSchemas(PreparedStatement s, Connection connection) throws SQLException {
        if (!schemas.isEmpty()) {
            s.setArray(1, connection.createArrayOf("text", schemas.toArray()));
        }
    }

    /** Tables whose column statistics pg_stats hides from this user (it shows only columns the user may select). */
    private List<String> unreadable(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + CatalogSql.QUALIFIED + """
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition AND """ + schemaFilter() + """
                   AND NOT has_table_privilege(c.oid, 'SELECT')
                 ORDER BY 1""")) {
            bindSchemas(s, connection);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private List<ProductionStats.TableStats> tables(Connection connection) throws SQLException {
        Map<String, Object[]> sizes = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + CatalogSql.QUALIFIED + """
                , c.reltuples, pg_relation_size(c.oid),
                       pg_indexes_size(c.oid), coalesce(pg_relation_size(c.reltoastrelid), 0)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition AND """ + schemaFilter() + """
                 ORDER BY 1""")) {
            bindSchemas(s, connection);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double reltuples = rs.getDouble(2);
                    sizes.put(rs.getString(1), new Object[] {reltuples < 0 ? null : (long) reltuples, rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                }
            }
        }
        Map<String, List<ProductionStats.IndexStats>> indexes = indexes(connection);
        Map<String, List<ProductionStats.ColumnStats>> columns = columns(connection);
        List<ProductionStats.TableStats> tables = new ArrayList<>();
        sizes.forEach((table, size) -> tables.add(new ProductionStats.TableStats(table, (Long) size[0], (long) size[1], (long) size[2],
                (long) size[3], indexes.getOrDefault(table, List.of()), columns.getOrDefault(table, List.of()))));
        return tables;
    }

    private Map<String, List<ProductionStats.IndexStats>> indexes(Connection connection) throws SQLException {
        Map<String, List<ProductionStats.IndexStats>> indexes = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT format('%I.%I', n.nspname, t.relname), i.relname, pg_get_indexdef(i.oid), pg_relation_size(i.oid)
                  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE """ + schemaFilter() + """
                 ORDER BY 1, 2""")) {
            bindSchemas(s, connection);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ProductionStats.IndexStats(rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return indexes;
    }

    /** pg_stats, without its values: most_common_vals and histogram_bounds only for the listed columns. */
    private Map<String, List<ProductionStats.ColumnStats>> columns(Connection connection) throws SQLException {
        Map<String, List<ProductionStats.ColumnStats>> columns = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT format('%I.%I', s.schemaname, s.tablename), s.attname, s.null_frac, s.n_distinct, s.avg_width, s.correlation,
                       s.most_common_freqs,
                       CASE WHEN format('%I.%I.%I', s.schemaname, s.tablename, s.attname) = ANY (?)
                              OR format('%I.%I', s.tablename, s.attname) = ANY (?)
                            THEN s.most_common_vals::text::text[] END,
                       CASE WHEN format('%I.%I.%I', s.schemaname, s.tablename, s.attname) = ANY (?)
                              OR format('%I.%I', s.tablename, s.attname) = ANY (?)
                            THEN s.histogram_bounds::text::text[] END
                  FROM pg_stats s JOIN pg_namespace n ON n.nspname = s.schemaname
                 WHERE NOT s.inherited AND """ + schemaFilter() + """
                 ORDER BY 1, s.attname""")) {
            Array listed = connection.createArrayOf("text", valueColumns.toArray());
            for (int i = 1; i <= 4; i++) {
                s.setArray(i, listed);
            }
            if (!schemas.isEmpty()) {
                s.setArray(5, connection.createArrayOf("text", schemas.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ProductionStats.ColumnStats(
                            rs.getString(2), real(rs.getDouble(3)), real(rs.getDouble(4)), rs.getInt(5),
                            rs.getObject(6) == null ? null : real(rs.getDouble(6)), doubles(rs.getArray(7)), strings(rs.getArray(8)),
                            strings(rs.getArray(9))));
                }
            }
        }
        return columns;
    }

    private static List<Double> doubles(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(real(((Number) value).doubleValue()));
        }
        return values;
    }

    /**
     * pg_stats keeps these as {@code real}: widened to double, 0.0032 reads 0.0031999999191612005.
     * Six decimals are all the precision there is, and keep the committed file readable.
     */
    private static double real(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
