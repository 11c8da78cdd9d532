package io.github.migrationprofiler.pass;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where passes beside the instrumented one get their databases: a new one that starts as the
 * profiled database started, or a copy of one that nobody is connected to. The run drops them
 * all, also on failure and Ctrl-C.
 */
public interface Databases {

    /** A new database: a copy of {@code template}, or, when {@code null}, as the profiled database began. */
    Database create(String template);

    /** One such database; {@link #close()} drops it. */
    interface Database extends AutoCloseable {

        String name();

        Connection connect() throws SQLException;

        @Override
        void close();
    }
}
