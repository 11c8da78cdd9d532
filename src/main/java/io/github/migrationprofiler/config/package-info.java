/**
 * A run's configuration as plain values, and the parsing of what people write in a pom
 * (durations, scales, fractions, row counts). Uses only {@code support}.
 */
package io.github.migrationprofiler.config;
