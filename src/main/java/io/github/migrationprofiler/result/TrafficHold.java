package io.github.migrationprofiler.result;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * How long a migration held a lock its traffic waits for: the holding hazard, told apart from
 * queueing. Queueing (waiting behind a long transaction for the lock) lasts as long as
 * production's longest transaction and is bounded only by {@code lock_timeout}; holding is the
 * migration's own work under the lock, the same in every deployment and growing with the rows.
 *
 * @param relation  the relation locked: the table, or one of its indexes
 * @param table     the table the traffic queries
 * @param mode      the lock mode
 * @param millis    how long it was held: from the statement that took it to its transaction's end,
 *                  at production's rows when the projection says so
 * @param projected {@code millis} is projected to production's rows
 */
public record TrafficHold(String relation, String table, LockMode mode, double millis, boolean projected) {

    /**
     * The longest hold of a lock that blocks the traffic pass's reads or writes on a table it
     * queried; {@code null} without a traffic pass, when none of its queries waited for the
     * migration, or when the migration held no such lock.
     */
    public static TrafficHold of(List<StatementResult> statements, Projection projection, Traffic traffic) {
        if (traffic == null || traffic.blocked() == 0) {
            return null;
        }
        LockHeld longest = statements.stream().flatMap(s -> s.locks().stream())
                .filter(l -> traffic.tables().contains(l.table()) && l.lockMode().blocksWrites())
                .max(Comparator.comparingDouble(LockHeld::heldMillis).thenComparing(LockHeld::lockMode)).orElse(null);
        if (longest == null) {
            return null;
        }
        boolean projected = projection != null && projection.lockMillis() != null && projection.lockMillis() > longest.heldMillis();
        return new TrafficHold(longest.relation(), longest.table(), longest.lockMode(),
                projected ? projection.lockMillis() : longest.heldMillis(), projected);
    }

    /** "ACCESS EXCLUSIVE on public.orders for 2.4 s (at production's rows, projected)". */
    public String describe() {
        String on = relation.equals(table) ? table : "index " + relation + " of " + table;
        return String.format(Locale.ROOT, "%s on %s for %s%s", mode.display(), on, spoken(millis),
                projected ? " (at production's rows, projected)" : "");
    }
}
