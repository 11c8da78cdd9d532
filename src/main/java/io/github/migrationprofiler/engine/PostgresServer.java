package io.github.migrationprofiler.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** A running PostgreSQL server that a run may create its scratch database on. */
public interface PostgresServer extends AutoCloseable {

    /** {@code embedded}, {@code docker} or {@code external}, as written to results. */
    String kind();

    /** The container image the server runs from, or {@code null}. */
    default String image() {
        return null;
    }

    /** Whether the server is kept after the run for a person to look at, so its data must stay too. */
    default boolean keepsData() {
        return false;
    }

    /**
     * Whether the server's databases outlive this run, so a seeded baseline can be kept there as a
     * template for later runs: an existing server, the embedded engine on its cached data directory,
     * or the Docker engine on its data volume.
     */
    default boolean outlivesRun() {
        return false;
    }

    /**
     * Whether what outlives the run stays in the plugin's own keeping (the embedded engine's cache
     * directory, the Docker engine's data volume), where a kept template costs the user nothing but disk the cache prunes; on an
     * existing server it would be a database of theirs.
     */
    default boolean keepsInOwnCache() {
        return false;
    }

    /**
     * Whether the server and its databases are already gone (stopped by a shutdown hook of its
     * own on Ctrl-C): then nothing on it is left to clean up.
     */
    default boolean gone() {
        return false;
    }

    /** The database to connect to for creating and dropping the scratch database. */
    String maintenanceDatabase();

    Connection connect(String database) throws SQLException;

    /** Stops the server if this run started it; an external server is left running. */
    @Override
    void close();
}
