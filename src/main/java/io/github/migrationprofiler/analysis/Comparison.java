package io.github.migrationprofiler.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.migrationprofiler.profile.Iterations;
import io.github.migrationprofiler.profile.MigrationResult;
import io.github.migrationprofiler.profile.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * This run's migration runtimes against a baseline run's (a {@code results.json} saved from the
 * main branch). A change counts only beyond the noise: with several clean runs on both sides,
 * twice their combined standard deviation (at least {@value #ITERATED_FLOOR_MILLIS} ms); else
 * {@value #FLOOR_PERCENT} % of the baseline and at least {@value #FLOOR_MILLIS} ms, what single
 * runs of the same migration vary by on a shared CI machine.
 *
 * @param baseline where the baseline came from
 * @param rows     per migration, this run's order first, then the removed ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(String baseline, List<Row> rows) {

    static final double FLOOR_PERCENT = 10;
    static final double FLOOR_MILLIS = 50;
    static final double ITERATED_FLOOR_MILLIS = 5;

    public enum Change { IMPROVED, REGRESSED, UNCHANGED, NEW, REMOVED }

    /**
     * @param migration      "id (author)" or the file name
     * @param baselineMillis its runtime in the baseline; {@code null} when new
     * @param currentMillis  its runtime now; {@code null} when removed
     * @param percent        the change against the baseline; {@code null} when new or removed
     * @param noiseMillis    what a change must exceed to count
     * @param change         what that makes it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String migration, Double baselineMillis, Double currentMillis, Double percent, Double noiseMillis,
                      Change change) {
    }

    public Comparison {
        rows = List.copyOf(rows);
    }

    public static Comparison of(String baselineName, RunResult baseline, RunResult current) {
        Map<String, MigrationResult> before = new LinkedHashMap<>();
        baseline.migrations().stream().filter(m -> m.applied() && !m.failed()).forEach(m -> before.put(m.label(), m));
        List<Row> rows = new ArrayList<>();
        for (MigrationResult now : current.migrations()) {
            if (!now.applied() || now.failed()) {
                continue;
            }
            MigrationResult then = before.remove(now.label());
            if (then == null) {
                rows.add(new Row(now.label(), null, now.millis(), null, null, Change.NEW));
                continue;
            }
            double noise = noise(then, now);
            double delta = now.millis() - then.millis();
            Change change = Math.abs(delta) <= noise ? Change.UNCHANGED : delta > 0 ? Change.REGRESSED : Change.IMPROVED;
            rows.add(new Row(now.label(), then.millis(), now.millis(), percent(then.millis(), now.millis()), round(noise), change));
        }
        before.values().forEach(m -> rows.add(new Row(m.label(), m.millis(), null, null, null, Change.REMOVED)));
        return new Comparison(baselineName, rows);
    }

    private static double noise(MigrationResult then, MigrationResult now) {
        Iterations a = then.iterations();
        Iterations b = now.iterations();
        if (a != null && b != null) {
            return Math.max(ITERATED_FLOOR_MILLIS, 2 * Math.sqrt(a.stddevMillis() * a.stddevMillis() + b.stddevMillis() * b.stddevMillis()));
        }
        return Math.max(FLOOR_MILLIS, then.millis() * FLOOR_PERCENT / 100);
    }

    private static double percent(double before, double after) {
        return before <= 0 ? 0 : round(100 * (after - before) / before);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** "2 improved, 1 regressed, 10 unchanged, 1 new, 0 removed". */
    @JsonIgnore
    public String summary() {
        Map<Change, Long> counts = rows.stream().collect(Collectors.groupingBy(Row::change, Collectors.counting()));
        return java.util.Arrays.stream(Change.values())
                .map(c -> counts.getOrDefault(c, 0L) + " " + c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** The regressions beyond {@code percent}, each named with its figures; empty when none. */
    public List<String> regressionsBeyond(double percent) {
        return rows.stream().filter(r -> r.change() == Change.REGRESSED && r.percent() > percent)
                .map(r -> String.format(Locale.ROOT, "Migration regressed: %s %.1f ms → %.1f ms (%+.1f %%, beyond %s %%)",
                        r.migration(), r.baselineMillis(), r.currentMillis(), r.percent(),
                        percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)))
                .toList();
    }
}
