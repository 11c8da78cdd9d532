package io.github.migrationprofiler.pass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.migrationprofiler.catalog.Settings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one probe of a hash join costs on this server, by the size of the hash table: the part of
 * a foreign key validation's runtime that the measured sizes cannot show. PostgreSQL validates a
 * foreign key with one query, the table's rows probing a hash table of its parent's keys. While
 * the parent is small, that hash table stays in the CPU's caches; at production's size it does
 * not, and every probe waits for memory. On the benchmark machine (1 MB of L2 cache), probing a
 * hash of 100,000 keys cost about 190 ns more per row than one of 10,000, and a validation of
 * 1,000,000 rows took 470 to 670 ms against a 100,000-row parent but 265 to 360 ms against a
 * 10,000-row one. Three sizes seeded within the caches grow too slowly to predict that, so the
 * cost is measured here instead: the same kind of join (serial, with {@code maintenance_work_mem}
 * as its memory, as the validation runs it), on temporary tables of bigint keys, at both sizes.
 */
public final class HashProbes {

    /**
     * A bigint key's share of a hash join's table, buckets included: 4,931 kB for 100,000 keys.
     * Wider keys (uuid, text) take more, and reach the memory limit sooner.
     */
    static final long BYTES_PER_KEY = 50;

    /**
     * The largest hash measured (50 MB): beyond the caches, where a probe costs a memory access
     * whatever the size, and small enough to build in about a second.
     */
    static final long MAX_KEYS = 1_000_000;

    /**
     * Probes per measurement: enough that timer noise is a few per cent of the probing, and twice
     * the keys, so that the planner hashes the keys and probes with the rest, as the validation
     * does with a parent smaller than its table (from PostgreSQL 16 on it would otherwise hash
     * the smaller side and scan the keys).
     */
    private static long probes(long keys) {
        return Math.max(250_000, 2 * keys);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Connection> session;
    private final Map<Long, Double> nanosPerProbe = new HashMap<>();
    private long memoryKb = -1;
    private long nanos;

    /** @param session the current session of a database this run created (it may be replaced between calls); the measurement leaves nothing in it */
    HashProbes(Supplier<Connection> session) {
        this.session = session;
    }

    /**
     * The keys a validation's hash table can hold in {@code maintenance_work_mem}: beyond them the
     * join splits into batches written to temporary files.
     */
    long fittingKeys() throws SQLException {
        return memoryKb() * 1024 / BYTES_PER_KEY;
    }

    /**
     * How many nanoseconds more each probe costs into a hash of {@code to} keys than into one of
     * {@code from} keys (both within {@link #fittingKeys()}; at most {@link #MAX_KEYS} are measured);
     * 0 when it costs no more.
     */
    double extraNanosPerProbe(long from, long to) throws SQLException {
        return Math.max(0, nanosPerProbe(Math.min(to, MAX_KEYS)) - nanosPerProbe(Math.min(from, MAX_KEYS)));
    }

    /** Time spent measuring, for the log's count of what projections cost. */
    public long nanos() {
        return nanos;
    }

    private long memoryKb() throws SQLException {
        if (memoryKb < 0) {
            memoryKb = Settings.kilobytes(session.get(), "maintenance_work_mem");
        }
        return memoryKb;
    }

    /** The probing's own time per probe: the join's time less building the hash and reading the probes. */
    private double nanosPerProbe(long keys) throws SQLException {
        Double known = nanosPerProbe.get(keys);
        if (known != null) {
            return known;
        }
        long start = System.nanoTime();
        Connection connection = session.get();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // as the validation's query runs: serially, with maintenance_work_mem as its memory, and
            // never less than the hash needs: a hash that spills is said apart, this measures probing one in memory
            s.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            s.execute("SET LOCAL work_mem = '" + Math.max(memoryKb(), 2 * keys * BYTES_PER_KEY / 1024) + "kB'");
            s.execute("SET LOCAL hash_mem_multiplier = 1");
            s.execute("SET LOCAL statement_timeout = '5min'");
            s.execute("CREATE TEMP TABLE migration_profiler_keys ON COMMIT DROP AS SELECT g::bigint AS id FROM generate_series(1, "
                    + keys + ") g");
            // every probe finds its key, as in a valid foreign key; the order scatters them over the hash
            s.execute("CREATE TEMP TABLE migration_profiler_probes ON COMMIT DROP AS SELECT 1 + (hashint8(g) & 2147483647) % "
                    + keys + " AS id FROM generate_series(1, " + probes(keys) + ") g");
            s.execute("ANALYZE migration_profiler_keys, migration_profiler_probes");
            double best = Double.MAX_VALUE;
            // a short measurement five times, for the best (this is noise-prone); a long one (a large hash) once
            for (int run = 0; run < (probes(keys) > 250_000 ? 1 : 5); run++) {
                try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) SELECT p.id FROM migration_profiler_probes p "
                        + "LEFT JOIN migration_profiler_keys k ON k.id = p.id WHERE k.id IS NULL")) {
                    rs.next();
                    best = Math.min(best, probing(JSON.readTree(rs.getString(1)).get(0).get("Plan")));
                }
            }
            double perProbe = best == Double.MAX_VALUE ? 0 : best * 1e6 / probes(keys);
            nanosPerProbe.put(keys, perProbe);
            return perProbe;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable plan: " + e.getMessage(), e);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
            nanos += System.nanoTime() - start;
        }
    }

    /**
     * The hash join's own milliseconds, its inputs' taken off; {@link Double#MAX_VALUE} when the
     * planner chose another join, hashed the probes instead of the keys, or the hash went to disk
     * in batches (then its time is I/O, not probing).
     */
    private static double probing(JsonNode plan) {
        JsonNode join = plan;
        while (!join.isMissingNode() && !join.path("Node Type").asText().equals("Hash Join")) {
            join = join.path("Plans").path(0);
        }
        JsonNode hash = null;
        for (JsonNode input : join.path("Plans")) {
            if (input.path("Node Type").asText().equals("Hash")) {
                hash = input;
            }
        }
        if (hash == null || hash.path("Hash Batches").asInt(1) > 1
                || !hash.path("Plans").path(0).path("Relation Name").asText().equals("migration_profiler_keys")) {
            return Double.MAX_VALUE;
        }
        double own = join.path("Actual Total Time").asDouble();
        for (JsonNode input : join.path("Plans")) {
            own -= input.path("Actual Total Time").asDouble();
        }
        return Math.max(0, own);
    }
}
