package io.github.migrationprofiler.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run measured: the content of {@code results.json}.
 *
 * @param schemaVersion version of this structure; bumped when a field changes meaning or goes away
 * @param startedAt     ISO-8601 instant the run started
 * @param engine        the server the migrations ran on
 * @param database      the scratch database's name
 * @param source        what was read (changelog or SQL directory)
 * @param baseline      migrations applied before the first one under review, unmeasured
 * @param migrations    the migrations under review (and any that failed)
 * @param totals        sums over {@code migrations}
 * @param seed          what seeding did; absent when seeding was off ({@code seed.scale=0})
 * @param gate          the verdict of the run and the thresholds it was judged by; absent until judged
 * @param error         why the run ended before profiling (a changelog that does not parse, an engine that does not
 *                      start, …); absent when it profiled
 * @param timing        how the runtimes were measured
 * @param comparison    the runtimes against a baseline run's, when one was given
 * @param warnings      what the run could not observe, in words (a catalog read that failed); empty when it saw everything
 * @param versions      the same migrations on other PostgreSQL majors and what differed ({@code postgresVersions}); absent
 *                      when one major was profiled
 */
public record RunResult(int schemaVersion, String startedAt, Engine engine, String database, String source,
                        List<String> baseline, List<MigrationResult> migrations, Totals totals, SeedSummary seed,
                        GateSummary gate, RunError error, Timing timing, Comparison comparison, List<String> warnings,
                        VersionMatrix versions) {

    public RunResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * @param pass       {@code clean}: each reviewed migration ran again on its own, on the same state, with nothing else
     *                   running; {@code instrumented}: runtimes come from the pass that watches locks (slower)
     * @param iterations how many clean runs each reviewed migration had
     * @param settings   {@code fsync}, {@code synchronous_commit}, {@code full_page_writes} while the migrations were timed
     * @param stopped    why the clean pass stopped following the migrations, if it did; later ones were timed instrumented
     * @param sizes      the fractions of the seeded scale each reviewed migration was measured at, for projections
     * @param projection how runtimes were projected to production, or why they were not, in words
     */
    public record Timing(String pass, int iterations, Map<String, String> settings, String stopped, List<Double> sizes,
                         String projection) {

        public Timing {
            settings = settings == null ? Map.of() : settings;
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
        }

        public Timing(String pass, int iterations, Map<String, String> settings, String stopped) {
            this(pass, iterations, settings, stopped, List.of(), null);
        }
    }

    /**
     * @param verdict    the worst verdict of the run
     * @param reasons    run-wide reasons (the total runtime line)
     * @param thresholds the lines, as written in reports ({@code warnSmall: "30 s"}, …)
     */
    public record GateSummary(Verdict verdict, List<String> reasons, Map<String, String> thresholds) {

        public GateSummary {
            reasons = reasons == null ? List.of() : List.copyOf(reasons); // left out of the JSON when empty
            thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }
    }

    /** This run with judged migrations and the run's verdict. */
    public RunResult judged(List<MigrationResult> judged, GateSummary summary) {
        return new RunResult(schemaVersion, startedAt, engine, database, source, baseline, judged, totals, seed, summary, error,
                timing, comparison, warnings, versions);
    }

    /** This run compared with a baseline run. */
    public RunResult compared(Comparison with) {
        return new RunResult(schemaVersion, startedAt, engine, database, source, baseline, migrations, totals, seed, gate, error,
                timing, with, warnings, versions);
    }

    /** This run with what the same migrations did on other PostgreSQL majors. */
    public RunResult withVersions(VersionMatrix matrix) {
        return new RunResult(schemaVersion, startedAt, engine, database, source, baseline, migrations, totals, seed, gate, error,
                timing, comparison, warnings, matrix);
    }

    /** This run as its reports show it: each migration's statements cut to the notable ones ({@link MigrationResult#showingStatements}). */
    public RunResult showingStatements(int limit) {
        return new RunResult(schemaVersion, startedAt, engine, database, source, baseline,
                migrations.stream().map(m -> m.showingStatements(limit)).toList(), totals, seed, gate, error, timing, comparison, warnings,
                versions);
    }
    public Verdict verdict() {
        return error != null ? Verdict.FAILED : gate == null ? Verdict.OK : gate.verdict();
    }
    public List<MigrationResult> withVerdict(Verdict verdict) {
        return migrations.stream().filter(m -> m.verdict() == verdict).toList();
    }

    /**
     * 2: {@code error}, {@code seed.gaps}, {@code SKIPPED}/{@code INTERRUPTED} migrations and {@code totals.skipped} were added.
     * 3: {@code millis} comes from the clean timing pass ({@code timing}, {@code instrumentedMillis}, {@code iterations}).
     */
    public static final int SCHEMA_VERSION = 3;

    /**
     * @param kind          embedded, docker or external
     * @param serverVersion the server's {@code server_version}
     * @param image         the container image (docker only)
     * @param settings      the settings that change migration runtimes, as they were in force
     * @param versionReason why the run profiled on this PostgreSQL major ("postgresVersion=15", "production's …", "the default …")
     */
    public record Engine(String kind, String serverVersion, String image, Map<String, String> settings, String versionReason) {

        public Engine(String kind, String serverVersion, String image) {
            this(kind, serverVersion, image, Map.of(), null);
        }

        public Engine {
            settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
        }
    }

    /**
     * @param millis     wall time of all reviewed migrations
     * @param migrations how many were applied (skipped ones not counted)
     * @param failed     how many failed or were interrupted
     * @param skipped    how many were not applied here, as production would not apply them
     */
    public record Totals(double millis, int migrations, int failed, int skipped) {
    }

    /** A run that observed everything it measured. */
    public static RunResult of(String startedAt, Engine engine, String database, String source, Profile profile, SeedSummary seed) {
        return of(startedAt, engine, database, source, profile, seed, List.of());
    }

    /** @param warnings what the run could not observe, in words */
    public static RunResult of(String startedAt, Engine engine, String database, String source, Profile profile,
                               SeedSummary seed, List<String> warnings) {
        List<MigrationResult> migrations = profile.migrations();
        double millis = Math.round(migrations.stream().mapToDouble(MigrationResult::millis).sum() * 1_000.0) / 1_000.0;
        int failed = (int) migrations.stream().filter(MigrationResult::failed).count();
        int applied = (int) migrations.stream().filter(MigrationResult::applied).count();
        return new RunResult(SCHEMA_VERSION, startedAt, engine, database, source, profile.baseline(), migrations,
                new Totals(millis, applied, failed, migrations.size() - applied), seed, null, null, profile.timing(), null, warnings, null);
    }

    /** A run that ended before it could profile; {@code engine} and {@code source} are what was known by then. */
    public static RunResult failed(String startedAt, Engine engine, String source, RunError error) {
        return failed(startedAt, engine, source, error, List.of());
    }

    /** A run that ended early, after the migrations in {@code done} (interrupted: they stay in the results). */
    public static RunResult failed(String startedAt, Engine engine, String source, RunError error, List<MigrationResult> done) {
        RunResult reached = of(startedAt, engine, null, source, new Profile(List.of(), done, null), null);
        return new RunResult(SCHEMA_VERSION, startedAt, engine, null, source, List.of(), done, reached.totals(), null,
                null, error, null, null, List.of(), null);
    }
    public List<MigrationResult> failures() {
        return migrations.stream().filter(MigrationResult::failed).toList();
    }
}
