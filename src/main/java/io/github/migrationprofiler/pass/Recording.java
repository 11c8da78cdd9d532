package io.github.migrationprofiler.pass;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What a migration sent to the server, in order: its statements (as they can be sent again) and
 * where its transactions ended. The migration tool's bookkeeping around it (its history table,
 * its lock, the callbacks around the run) is kept too, marked: a replay sends it untimed, so
 * that the state the next migration meets is the tool's as well — a changeset that alters
 * {@code DATABASECHANGELOG} finds it there — while the times are what {@code psql} would show.
 */
final class Recording {

    private final List<Execution> executions = new ArrayList<>();
    private final BitSet bookkeeping = new BitSet();
    /** After how many executions a transaction ended (commit, rollback, or a switch to autocommit). */
    private final List<Integer> ends = new ArrayList<>();

    void sent(Execution execution) {
        executions.add(execution);
    }

    /** The tool's own statement, sent again but neither timed nor counted among the migration's. */
    void bookkept(Execution execution) {
        bookkeeping.set(executions.size());
        executions.add(execution);
    }

    /**
     * Forgets the last execution, the tool's own, which failed: tools probe with statements they
     * expect to fail (Liquibase reads its lock table before creating it), and a replay must not.
     */
    void failedBookkeeping() {
        int last = executions.size() - 1;
        if (last >= 0 && bookkeeping.get(last)) {
            executions.remove(last);
            bookkeeping.clear(last);
        }
    }

    void transactionEnded() {
        ends.add(executions.size());
    }

    /** Takes over what {@code earlier} recorded (the tool's bookkeeping since the last migration), before anything of its own. */
    void startWith(Recording earlier) {
        earlier.bookkeeping.stream().forEach(bookkeeping::set);
        executions.addAll(0, earlier.executions);
        ends.addAll(0, earlier.ends);
    }

    List<Execution> executions() {
        return executions;
    }

    boolean isBookkeeping(int index) {
        return bookkeeping.get(index);
    }

    /** How many of the executions are the migration's own. */
    int measured() {
        return executions.size() - bookkeeping.cardinality();
    }

    /** Whether a transaction ended right after execution number {@code count} (1-based), before the next one. */
    boolean endsAfter(int count) {
        return ends.contains(count);
    }

    /** The first execution that cannot be sent twice, or {@code null}. */
    Execution unreplayable() {
        return executions.stream().filter(e -> !e.replayable()).findFirst().orElse(null);
    }
}
