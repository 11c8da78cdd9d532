package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in a pom: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1.5h}, or ISO-8601 {@code PT5M}. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)");

    private Durations() {
    }

    public static Duration parse(String name, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw invalid(name, text);
            }
        }
        Matcher m = TEXT.matcher(value);
        if (!m.matches()) {
            throw invalid(name, text);
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s", "sec" -> amount * 1_000;
            case "m", "min" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * A time setting as PostgreSQL shows it ({@code SHOW lock_timeout}: {@code 0}, {@code 500ms},
     * {@code 2s}, {@code 1min}, {@code 1h}, {@code 1d}); {@code null} when it is none of those.
     */
    public static Duration ofSetting(String shown) {
        String value = shown == null ? "" : shown.strip();
        if (value.matches("\\d+")) {
            return Duration.ofMillis(Long.parseLong(value));
        }
        if (value.matches("\\d+d")) {
            return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        try {
            return parse("setting", value);
        } catch (ProfilerException e) {
            return null;
        }
    }

    /** "250 ms", "30 s", "5 min", "1.5 h": how reports show a threshold. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return trim(millis / 1_000.0) + " s";
        }
        if (millis < 3_600_000) {
            return trim(millis / 60_000.0) + " min";
        }
        return trim(millis / 3_600_000.0) + " h";
    }

    /** "120 ms", "1.4 s", "3 min 28 s", "2 h 5 min": how findings, verdicts, projections and traffic quote a measured duration. */
    public static String spoken(double millis) {
        if (millis >= 3_600_000) {
            long minutes = Math.round(millis / 60_000);
            return String.format(Locale.ROOT, "%d h %d min", minutes / 60, minutes % 60);
        }
        if (millis >= 60_000) {
            long seconds = Math.round(millis / 1000);
            return String.format(Locale.ROOT, "%d min %d s", seconds / 60, seconds % 60);
        }
        return millis >= 1000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000) : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static ProfilerException invalid(String name, String text) {
        return new ProfilerException(name + " must be a duration such as 250ms, 30s, 5m or 1h, got '" + text + "'");
    }
}
