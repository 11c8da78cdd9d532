/**
 * What a run produces: records of each migration, statement, lock, finding, projection
 * and traffic pass, and the run's totals and verdict. Plain records without JSON annotations: the
 * published format of results.json is stated by {@code report}. Uses {@code config} (the words
 * for durations) and {@code support}.
 */
package io.github.migrationprofiler.result;
