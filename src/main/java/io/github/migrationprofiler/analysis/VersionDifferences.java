package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.VersionMatrix;
import io.github.migrationprofiler.result.Work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the same migrations did differently on two PostgreSQL majors: one fails where the other
 * passes, a table rewritten on one only, a stronger lock, other findings, another kind, or a
 * runtime apart beyond noise. Each is said in words naming both majors.
 */
public final class VersionDifferences {

    /** Runtimes this far apart (the slower at least twice the faster, and this many ms more) are more than noise. */
    static final double RUNTIME_RATIO = 2.0;
    static final double RUNTIME_MILLIS = 50.0;

    private VersionDifferences() {
    }

    /**
     * @param runs    each major's run, the first being the one the matrix is reported with
     * @param results each major's results.json, as the report names it
     */
    public static VersionMatrix of(Map<Integer, RunResult> runs, Map<Integer, String> results) {
        List<VersionMatrix.Profiled> profiled = runs.entrySet().stream().map(e -> new VersionMatrix.Profiled(e.getKey(),
                e.getValue().engine() == null ? null : e.getValue().engine().serverVersion(), e.getValue().verdict(),
                results.get(e.getKey()))).toList();
        Map<MigrationResult, List<String>> differences = new LinkedHashMap<>();
        List<Integer> majors = List.copyOf(runs.keySet());
        int first = majors.get(0);
        for (int other : majors.subList(1, majors.size())) {
            Map<String, MigrationResult> theirs = byKey(runs.get(other));
            boolean timedAlike = timedAlike(runs.get(first), runs.get(other));
            for (MigrationResult ours : runs.get(first).migrations()) {
                MigrationResult same = theirs.get(key(ours));
                List<String> what = same == null ? List.of("not applied on " + other) : compare(ours, first, same, other, timedAlike);
                if (!what.isEmpty()) {
                    differences.computeIfAbsent(ours, m -> new ArrayList<>()).addAll(what);
                }
            }
        }
        return new VersionMatrix(profiled, differences.entrySet().stream()
                .map(e -> new VersionMatrix.Difference(e.getKey().id(), e.getKey().source(), e.getValue())).toList());
    }

    /**
     * Whether the two runs' runtimes can be compared: both seeded alike and timed by the same pass.
     * A run that a migration fails whatever the data ran once on empty tables, and its times say nothing.
     */
    private static boolean timedAlike(RunResult a, RunResult b) {
        return a.seed() != null && b.seed() != null && a.seed().childRows() == b.seed().childRows()
                && a.timing() != null && b.timing() != null && Objects.equals(a.timing().pass(), b.timing().pass());
    }

    /** What {@code b} on major {@code nb} did differently from {@code a} on {@code na}, in words. */
    static List<String> compare(MigrationResult a, int na, MigrationResult b, int nb, boolean timedAlike) {
        List<String> what = new ArrayList<>();
        if (a.failed() != b.failed()) {
            MigrationResult failed = a.failed() ? a : b;
            what.add("fails on " + (a.failed() ? na : nb) + (failed.error() == null ? "" : " (" + error(failed) + ")")
                    + ", passes on " + (a.failed() ? nb : na));
            return what; // the rest of a failed migration is what ran before the error: not comparable
        }
        if (a.kind() != b.kind() && a.kind() != null && b.kind() != null) {
            what.add(a.kind() + " on " + na + ", " + b.kind() + " on " + nb);
        }
        differ(what, "rewrites", rewritten(a), na, rewritten(b), nb);
        Map<String, LockMode> locksA = strongest(a);
        Map<String, LockMode> locksB = strongest(b);
        for (String table : new TreeSet<>(union(locksA.keySet(), locksB.keySet()))) {
            LockMode la = locksA.get(table);
            LockMode lb = locksB.get(table);
            if (!Objects.equals(la, lb)) {
                what.add(table + ": " + (la == null ? "no lock" : la.display()) + " on " + na + ", "
                        + (lb == null ? "no lock" : lb.display()) + " on " + nb);
            }
        }
        differ(what, "findings", rules(a), na, rules(b), nb);
        double slower = Math.max(a.millis(), b.millis());
        double faster = Math.min(a.millis(), b.millis());
        if (timedAlike && slower - faster >= RUNTIME_MILLIS && slower >= faster * RUNTIME_RATIO) {
            what.add("ran " + Durations.spoken(Math.round(a.millis())) + " on " + na + ", " + Durations.spoken(Math.round(b.millis()))
                    + " on " + nb);
        }
        return what;
    }

    private static void differ(List<String> what, String of, Set<String> a, int na, Set<String> b, int nb) {
        if (!a.equals(b)) {
            what.add(of + " " + (a.isEmpty() ? "none" : String.join(", ", a)) + " on " + na + ", "
                    + (b.isEmpty() ? "none" : String.join(", ", b)) + " on " + nb);
        }
    }

    private static String error(MigrationResult failed) {
        return (failed.error().sqlState() == null ? "" : "SQLSTATE " + failed.error().sqlState() + ": ") + failed.error().message();
    }

    private static Set<String> rewritten(MigrationResult migration) {
        return migration.statements().stream().flatMap(s -> s.work().stream()).filter(w -> w.kind() == Work.Kind.REWRITE)
                .map(Work::table).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> rules(MigrationResult migration) {
        return migration.findings().stream().map(Finding::rule).map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The strongest lock the migration took on each table. */
    private static Map<String, LockMode> strongest(MigrationResult migration) {
        Map<String, LockMode> strongest = new TreeMap<>();
        for (StatementResult statement : migration.statements()) {
            for (LockHeld lock : statement.locks()) {
                strongest.merge(lock.table(), lock.lockMode(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return strongest;
    }

    /** A changeset id repeats across changelog files: the file tells them apart. */
    private static Map<String, MigrationResult> byKey(RunResult run) {
        return run.migrations().stream().collect(Collectors.toMap(VersionDifferences::key, Function.identity(), (x, y) -> x,
                LinkedHashMap::new));
    }

    private static String key(MigrationResult migration) {
        return migration.id() + "\n" + migration.source();
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
