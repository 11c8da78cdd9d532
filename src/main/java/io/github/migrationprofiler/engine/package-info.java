/**
 * Where PostgreSQL comes from: an embedded server, a Docker container, or an existing
 * server by JDBC URL, and the scratch databases a run creates and drops there. Uses {@code catalog},
 * {@code config} and {@code support}.
 */
package io.github.migrationprofiler.engine;
