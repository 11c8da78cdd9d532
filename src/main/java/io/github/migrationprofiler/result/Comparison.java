package io.github.migrationprofiler.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * This run's migration runtimes against a baseline run's (a {@code results.json} saved from the
 * main branch). A change counts only beyond the noise: {@value #FLOOR_PERCENT} % of the baseline
 * and at least {@value #FLOOR_MILLIS} ms, or, with several clean runs on both sides, twice their
 * combined standard deviation when that is more. The floor holds with repeated runs too: runs in
 * one build agree more closely than builds do (hawkbit's first migration, 136 statements that
 * create a hundred tables, took 67 to 200 ms in five builds, each time with a spread of 5 to 57 ms).
 *
 * @param baseline where the baseline came from
 * @param rows     per migration (matched by id, author and file), this run's order first, then the removed ones
 */
public record Comparison(String baseline, List<Row> rows) {

    static final double FLOOR_PERCENT = 20;
    static final double FLOOR_MILLIS = 100;

    public enum Change { IMPROVED, REGRESSED, UNCHANGED, NEW, REMOVED }

    /**
     * @param migration      "id (author)" or the file name
     * @param baselineMillis its runtime in the baseline; {@code null} when new
     * @param currentMillis  its runtime now; {@code null} when removed
     * @param percent        the change against the baseline; {@code null} when new or removed
     * @param noiseMillis    what a change must exceed to count
     * @param change         what that makes it
     */
    public record Row(String migration, Double baselineMillis, Double currentMillis, Double percent, Double noiseMillis,
                      Change change) {
    }

    public Comparison {
        rows = List.copyOf(rows);
    }

    public static Comparison of(String baselineName, RunResult baseline, RunResult current) {
        Map<String, MigrationResult> before = new LinkedHashMap<>();
        baseline.migrations().stream().filter(m -> m.applied() && !m.failed()).forEach(m -> before.put(identity(m), m));
        List<Row> rows = new ArrayList<>();
        for (MigrationResult now : current.migrations()) {
            if (!now.applied() || now.failed()) {
                continue;
            }
            MigrationResult then = before.remove(identity(now));
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

    /** As Liquibase knows a changeset: id, author and file (two files may hold the same id and author). */
    private static String identity(MigrationResult m) {
        return m.label() + "|" + m.source();
    }

    private static double noise(MigrationResult then, MigrationResult now) {
        double floor = Math.max(FLOOR_MILLIS, then.millis() * FLOOR_PERCENT / 100);
        Iterations a = then.iterations();
        Iterations b = now.iterations();
        if (a == null || b == null) {
            return floor;
        }
        return Math.max(floor, 2 * Math.sqrt(a.stddevMillis() * a.stddevMillis() + b.stddevMillis() * b.stddevMillis()));
    }

    private static double percent(double before, double after) {
        return before <= 0 ? 0 : round(100 * (after - before) / before);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** "2 improved, 1 regressed, 10 unchanged, 1 new, 0 removed". */
    public String summary() {
        Map<Change, Long> counts = rows.stream().collect(Collectors.groupingBy(Row::change, Collectors.counting()));
        return Arrays.stream(Change.values())
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
