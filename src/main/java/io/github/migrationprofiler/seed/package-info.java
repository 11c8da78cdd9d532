/**
 * Synthetic data shaped like production: the final schema from a rehearsal of the
 * migrations, a plan of rows per table, values that satisfy every constraint, streamed with COPY.
 * Uses {@code catalog}, {@code source}, {@code stats}, {@code result}, {@code config} and {@code support}.
 */
package io.github.migrationprofiler.seed;
