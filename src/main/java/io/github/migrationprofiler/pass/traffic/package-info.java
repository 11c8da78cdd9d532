/**
 * The traffic pass's workload: client connections sending an application's everyday
 * queries, a long-running reader, and a watch on who waits for locks. Uses {@code source} (to read
 * the application's queries), {@code catalog}, {@code result}, {@code config} and {@code support}.
 */
package io.github.migrationprofiler.pass.traffic;
