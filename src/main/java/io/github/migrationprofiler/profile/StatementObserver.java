package io.github.migrationprofiler.profile;

import java.sql.SQLException;

/** Told about every statement a traced connection executes, and about the end of each transaction. */
interface StatementObserver {

    /** {@code sql} is about to run (not yet timed). */
    void starting(String sql);

    void executed(String sql, long nanos, long rowsAffected);

    void failed(String sql, long nanos, SQLException error);

    /** The connection committed or rolled back: locks are released. */
    void transactionEnded();
}
