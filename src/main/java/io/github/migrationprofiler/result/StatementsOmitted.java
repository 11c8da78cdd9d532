package io.github.migrationprofiler.result;

/**
 * The statements of a migration that its reports leave out, summed: a migration of thousands of
 * statements (reference data, one INSERT each) keeps only its notable and slowest ones in detail.
 *
 * @param count  how many were left out
 * @param millis their time together, fractional milliseconds
 * @param rows   the rows they changed together
 */
public record StatementsOmitted(int count, double millis, long rows) {
}
