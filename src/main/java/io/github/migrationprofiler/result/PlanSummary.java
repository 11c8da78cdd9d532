package io.github.migrationprofiler.result;

import java.util.List;

/**
 * A DML statement's plan, from {@code EXPLAIN (FORMAT JSON)} taken just before it ran.
 *
 * @param nodeTypes     plan node types, top down, without repeats
 * @param seqScans      tables read by sequential scan
 * @param estimatedRows rows the planner expected the statement to touch
 * @param actualRows    rows it did touch (its update count)
 */
public record PlanSummary(List<String> nodeTypes, List<String> seqScans, long estimatedRows, long actualRows) {
}
