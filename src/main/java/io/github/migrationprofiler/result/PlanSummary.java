package io.github.migrationprofiler.result;

import java.util.List;

/**
 * A DML statement's plan, from {@code EXPLAIN (FORMAT JSON)} taken just before it ran.
 *
 * @param nodeTypes     plan node types, top down, without repeats
 * @param seqScans      tables read by sequential scan
 * @param estimatedRows rows the planner expected the statement to touch
 * @param actualRows    rows it did touch (its update count)
 * @param pairRows      the most row pairs a join of the plan makes or tries, estimated: its output, or for a
 *                      nested loop over an inner side without an index, outer rows × inner rows; 0 without a join
 * @param scanRows      the most rows a scan of the plan reads, estimated
 */
public record PlanSummary(List<String> nodeTypes, List<String> seqScans, long estimatedRows, long actualRows, long pairRows,
                          long scanRows) {

    public PlanSummary(List<String> nodeTypes, List<String> seqScans, long estimatedRows, long actualRows) {
        this(nodeTypes, seqScans, estimatedRows, actualRows, 0, 0);
    }

    /** This plan with the statement's update count. */
    public PlanSummary withActualRows(long rows) {
        return new PlanSummary(nodeTypes, seqScans, estimatedRows, rows, pairRows, scanRows);
    }

    /**
     * How the work grows with the rows, from the estimates: {@code k} in work ~ n^k when a join
     * makes or tries far more pairs than any table has rows (a self join on a column with few
     * values, a join without a usable condition); 1 otherwise.
     */
    public double growth() {
        if (scanRows < MIN_ROWS || pairRows < FAR_MORE * scanRows) {
            return 1;
        }
        double k = Math.log(pairRows) / Math.log(scanRows);
        return k >= SUPERLINEAR ? k : 1;
    }

    /** Fewer rows than this say nothing about growth. */
    private static final long MIN_ROWS = 100;
    /** Growth from here on is more than a lookup table's constant factor: n^1.5 and up. */
    public static final double SUPERLINEAR = 1.5;
    /** Pairs this many times the rows: no longer the same order of work. */
    private static final long FAR_MORE = 10;
}
