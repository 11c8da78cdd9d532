package io.github.migrationprofiler.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** A running PostgreSQL server that a run may create its scratch database on. */
public interface PostgresServer extends AutoCloseable {

    /** {@code embedded} or {@code external}, as written to results. */
    String kind();

    /** The database to connect to for creating and dropping the scratch database. */
    String maintenanceDatabase();

    Connection connect(String database) throws SQLException;

    /** Stops the server if this run started it; an external server is left running. */
    @Override
    void close();
}
