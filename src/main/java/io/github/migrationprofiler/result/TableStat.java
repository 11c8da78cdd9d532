package io.github.migrationprofiler.result;

import java.util.Locale;

/**
 * A touched table as it was before the statement.
 *
 * @param table qualified name
 * @param rows  rows, as of the planner's statistics (exact right after seeding)
 * @param bytes table, TOAST and indexes
 * @param created the migration created it: nothing in production waits for it yet
 */
public record TableStat(String table, long rows, long bytes, boolean created) {

    public TableStat(String table, long rows, long bytes) {
        this(table, rows, bytes, false);
    }

    public TableStat createdHere() {
        return new TableStat(table, rows, bytes, true);
    }

    /** "100,000 rows, 14 MB". */
    public String describe() {
        return String.format(Locale.ROOT, "%,d rows, %s", rows, bytes(bytes));
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%d kB", Math.max(1, bytes / 1024));
    }
}
