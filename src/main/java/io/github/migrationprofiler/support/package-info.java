/**
 * The leaf every package may use and that uses nothing of the project: {@link
 * io.github.migrationprofiler.support.ProfilerException} (a problem the user can act on), the
 * {@link io.github.migrationprofiler.support.ProfilerLog} the core talks through, and {@link
 * io.github.migrationprofiler.support.Cleanup}, which removes what a run created, also on Ctrl-C.
 */
package io.github.migrationprofiler.support;
