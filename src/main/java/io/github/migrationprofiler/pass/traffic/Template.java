package io.github.migrationprofiler.pass.traffic;

import java.util.List;

/**
 * A query the clients send: its SQL, and the keys to bind to its one parameter.
 *
 * @param table the table whose keys it binds (and whose traffic it is)
 * @param sql   with one {@code ?} for an existing key, or none
 * @param keys  existing keys of {@code table}, to draw from; empty without a parameter
 * @param write it changes rows (not a SELECT)
 * @param rolledBack it runs in a transaction that is rolled back: it takes its locks and leaves nothing behind
 */
record Template(String table, String sql, List<Object> keys, boolean write, boolean rolledBack) {
}
