package io.github.migrationprofiler.result;

import java.util.Arrays;

/**
 * The spread of repeated timings of one migration or statement, each on a fresh copy of the same
 * state: what a change must exceed to be more than noise.
 */
public record Iterations(int count, double meanMillis, double medianMillis, double stddevMillis, double minMillis,
                         double maxMillis) {

    public static Iterations of(double... millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = Arrays.stream(sorted).average().orElse(0);
        double median = n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double variance = n < 2 ? 0 : Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        return new Iterations(n, round(mean), round(median), round(Math.sqrt(variance)), n == 0 ? 0 : sorted[0],
                n == 0 ? 0 : sorted[n - 1]);
    }

    private static double round(double millis) {
        return Math.round(millis * 1_000.0) / 1_000.0;
    }
}
