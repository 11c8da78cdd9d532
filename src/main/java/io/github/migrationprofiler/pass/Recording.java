package io.github.migrationprofiler.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * What a migration sent to the server, in order: its statements (as they can be sent again) and
 * where its transactions ended. The migration tool's bookkeeping around it is left out, so that a
 * replay runs exactly what {@code psql} would run for the same migration.
 */
final class Recording {

    private final List<Execution> executions = new ArrayList<>();
    /** After how many executions a transaction ended (commit, rollback, or a switch to autocommit). */
    private final List<Integer> ends = new ArrayList<>();

    void sent(Execution execution) {
        executions.add(execution);
    }

    void transactionEnded() {
        ends.add(executions.size());
    }

    List<Execution> executions() {
        return executions;
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
