package io.github.migrationprofiler.profile;

import java.sql.SQLException;

/** Told about every statement a traced connection executes. */
interface StatementObserver {

    void executed(String sql, long nanos, long rowsAffected);

    void failed(String sql, long nanos, SQLException error);
}
