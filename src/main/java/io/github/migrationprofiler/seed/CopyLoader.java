package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Quoting;
import io.github.migrationprofiler.support.ProfilerLog;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

/**
 * Streams generated rows into PostgreSQL with COPY: rows are written as they are made, in 64 KB
 * chunks, so memory stays flat however many rows a table gets. Checking foreign keys and
 * maintaining indexes costs the server more than generating costs us, so a large table is split
 * into row ranges loaded over parallel connections (values depend only on the row number, so
 * any range can be generated on its own).
 */
final class CopyLoader {

    private static final int CHUNK = 1 << 16;
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    /** Below this, a second connection costs more than it saves. */
    private static final long PARALLEL_THRESHOLD = 20_000;

    private CopyLoader() {
    }

    static void load(DataSeeder.Connector database, TableValues table, boolean selfReferencing, ProfilerLog log) throws SQLException {
        int streams = selfReferencing || table.rows() < PARALLEL_THRESHOLD ? 1
                : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicLong written = new AtomicLong();
        Progress progress = new Progress(table, log);
        if (streams == 1) {
            try (Connection connection = database.open()) {
                load(connection, table, 0, table.rows(), written, progress);
            }
            return;
        }
        // rows referencing rows of the same table must be visible to each other: such tables load in one stream (above)
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Void>> parts = new ArrayList<>();
            long step = (table.rows() + streams - 1) / streams;
            for (long from = 0; from < table.rows(); from += step) {
                long start = from;
                long end = Math.min(table.rows(), from + step);
                parts.add(pool.submit(() -> {
                    try (Connection connection = database.open()) {
                        load(connection, table, start, end, written, progress);
                    }
                    return null;
                }));
            }
            for (Future<Void> part : parts) {
                await(part);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<Void> part) throws SQLException {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("Seeding was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SeedException("Seeding failed: " + e.getCause(), e.getCause());
        }
    }

    private static void load(Connection connection, TableValues table, long from, long to, AtomicLong written,
                             Progress progress) throws SQLException {
        try {
            copy(connection, table.name(), table, from, to, i -> i, written, progress);
        } catch (PSQLException e) {
            throw explain(table, e);
        }
    }

    /** Writes the given rows (by row number) into {@code target}, a table with the same columns: the probe of {@link RowProbe}. */
    static void copyRows(Connection connection, String target, TableValues table, long[] rows) throws SQLException {
        copy(connection, target, table, 0, rows.length, i -> rows[(int) i], new AtomicLong(), null);
    }

    private static void copy(Connection connection, String target, TableValues table, long from, long to,
                             LongUnaryOperator rowAt, AtomicLong written, Progress progress) throws SQLException {
        List<Map.Entry<String, Values>> columns = List.copyOf(table.columns().entrySet());
        Values[] values = columns.stream().map(Map.Entry::getValue).toArray(Values[]::new);
        String sql = "COPY " + target + " (" + columns.stream().map(e -> Quoting.identifier(e.getKey()))
                .collect(Collectors.joining(", ")) + ") FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder buffer = new StringBuilder(CHUNK + 4096);
            long pending = 0;
            for (long i = from; i < to; i++) {
                long row = rowAt.applyAsLong(i);
                for (int c = 0; c < values.length; c++) {
                    if (c > 0) {
                        buffer.append('\t');
                    }
                    values[c].append(row, buffer);
                }
                buffer.append('\n');
                pending++;
                if (buffer.length() >= CHUNK) {
                    write(copy, buffer);
                    long done = written.addAndGet(pending);
                    if (progress != null) {
                        progress.report(done);
                    }
                    pending = 0;
                }
            }
            write(copy, buffer);
            written.addAndGet(pending);
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    /** A progress line every few seconds during long loads, from whichever stream passes the mark. */
    private static final class Progress {
        private final TableValues table;
        private final ProfilerLog log;
        private final AtomicLong next = new AtomicLong(System.nanoTime() + PROGRESS_NANOS);

        Progress(TableValues table, ProfilerLog log) {
            this.table = table;
            this.log = log;
        }

        void report(long rows) {
            long due = next.get();
            if (System.nanoTime() > due && next.compareAndSet(due, System.nanoTime() + PROGRESS_NANOS)) {
                log.info(String.format(Locale.ROOT, "  … %s: %,d of %,d rows", table.name(), rows, table.rows()));
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** A constraint the generated data broke: what the server said, and which constraint. */
    private static SeedException explain(TableValues table, PSQLException e) {
        String constraint = e.getServerErrorMessage() == null ? null : e.getServerErrorMessage().getConstraint();
        String message = e.getServerErrorMessage() == null ? e.getMessage() : e.getServerErrorMessage().getMessage();
        return new SeedException("loading failed: " + message + (constraint == null ? "" : " (constraint " + constraint + ")"), e);
    }
}
