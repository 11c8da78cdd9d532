package io.github.migrationprofiler.seed;

/**
 * Counter-based randomness: every draw depends only on (seed, row, stream), so any value of any
 * row can be computed again later — that is how child tables find their parents' keys without
 * keeping them — and the same seed always gives the same data.
 */
final class Noise {

    private Noise() {
    }

    static long at(long seed, long row, int stream) {
        return mix(seed + row * 0x9E3779B97F4A7C15L + (stream + 1L) * 0xBF58476D1CE4E5B9L);
    }

    /** A uniform double in [0, 1). */
    static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** A uniform long in [0, bound). */
    static long below(long bits, long bound) {
        return Math.floorMod(bits, bound);
    }

    /**
     * A skewed index in [0, bound): low indices are drawn far more often, so a few parents own
     * many children (the top 1% of parents own about a third of them).
     */
    static long skewed(long bits, long bound) {
        double u = unit(bits);
        return Math.min(bound - 1, (long) (bound * u * u * u * u));
    }

    static long hash(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return mix(h);
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
