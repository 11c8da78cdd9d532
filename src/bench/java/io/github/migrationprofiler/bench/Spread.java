package io.github.migrationprofiler.bench;

import java.util.Arrays;
import java.util.Locale;

/** How the benchmarks summarise repeated runs: the median, and the range as "min–max". */
final class Spread {

    private Spread() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String range(double[] values) {
        return String.format(Locale.ROOT, "%.1f–%.1f", Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0));
    }
}
