/**
 * Judgement from measurements: a migration's kind and findings ({@link
 * io.github.migrationprofiler.analysis.Analyzer}, the rules in {@code analysis.rules}), projection
 * to production's rows, the gate's verdicts and what fails the build. Uses {@code result},
 * {@code config} and {@code support}; knows nothing of databases.
 */
package io.github.migrationprofiler.analysis;
