/**
 * Production's statistics as a team keeps them: the file the stats goal writes and
 * profiles read, and production's row counts. Uses {@code catalog}, {@code config} and {@code support}.
 */
package io.github.migrationprofiler.stats;
