package io.github.migrationprofiler.pass;

import java.sql.SQLException;
import java.util.List;

/** Told about every statement a traced connection executes, and about the end of each transaction. */
interface StatementObserver {

    /** {@code sql} is about to run (not yet timed). */
    void starting(String sql);

    /** The statement about to run, as it can be sent again (its SQL, bound values, batch); told just before {@link #starting}. */
    default void sending(Execution execution) {
    }

    /** @param debugMessages what the server said it did (DEBUG messages), in order */
    void executed(String sql, long nanos, long rowsAffected, List<String> debugMessages);

    void failed(String sql, long nanos, SQLException error, List<String> debugMessages);

    /** The connection committed or rolled back: locks are released. */
    void transactionEnded();
}
