/**
 * The outputs: results.json (its format stated once, in {@code ResultsFormat}), the
 * Surefire XML, summary.md, the HTML report and site page, and the lines a run writes to the
 * build log. Uses {@code result}, {@code config} and {@code support}.
 */
package io.github.migrationprofiler.report;
