package io.github.migrationprofiler.run;

import io.github.migrationprofiler.analysis.Gate;
import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.catalog.Settings;
import io.github.migrationprofiler.catalog.StatsReader;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.engine.BaselineTemplate;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.Roles;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.pass.BaselinePass;
import io.github.migrationprofiler.pass.InstrumentedPass;
import io.github.migrationprofiler.pass.Judgement;
import io.github.migrationprofiler.pass.MigrationSession;
import io.github.migrationprofiler.pass.Rehearsal;
import io.github.migrationprofiler.report.ConsoleReport;
import io.github.migrationprofiler.report.Reports;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Profile;
import io.github.migrationprofiler.result.RunError;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.MigrationSources;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.support.Cleanup;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The profile goal's run, start to finish: check the input, start PostgreSQL, rehearse the
 * migrations, build or reuse the baseline, apply the migrations in the instrumented pass with the
 * passes that run on the state before each reviewed one ({@link MigrationStages}), judge, write
 * the reports — and clean up whatever happens.
 */
public final class ProfileRun {

    static final String EMPTY_TABLES_WARNING =
            "seed.scale=0: measured on empty tables, so runtimes and locks say little about production";

    static final String FAILS_ANYWAY_WARNING = "run once on empty tables, only to report the migration that fails whatever the "
            + "data (a syntax error, an object that does not exist): nothing was seeded or timed";

    private final ProfilerLog log;
    private final ForeignKeyGaps foreignKeys;

    public ProfileRun(ProfilerLog log) {
        this(log, new ForeignKeyGaps());
    }

    /** @param foreignKeys reads the foreign keys without an index: a test makes the read fail */
    ProfileRun(ProfilerLog log, ForeignKeyGaps foreignKeys) {
        this.log = log;
        this.foreignKeys = foreignKeys;
    }

    /**
     * Profiles the migrations the configuration selects (all when it selects none). A migration
     * that fails is part of the result ({@link RunResult#failures()}); problems the user must fix
     * first are thrown as {@link ProfilerException}, after the reports say what happened.
     */
    public RunResult run(ProfilerConfig config) {
        return run(config, null);
    }

    /** @param forced the selection a goal imposes ({@link Selection#NONE}: review nothing), or {@code null} */
    RunResult run(ProfilerConfig config, Selection forced) {
        String startedAt = Instant.now().toString();
        try (Cleanup cleanup = new Cleanup(log)) {
            Profiling profiling = new Profiling(config, forced, startedAt, cleanup);
            try {
                RunResult result = profiling.profile();
                Reports.write(result, config, log);
                return result;
            } catch (ProfilerException e) {
                // once the run is being cancelled, what fails next is the cancellation, not the cause to report
                String message = cleanup.interrupted() ? "interrupted (Ctrl-C or SIGTERM) during " + profiling.stage : e.getMessage();
                RunResult failed = RunResult.failed(startedAt, profiling.engine, profiling.sourceName, new RunError(profiling.stage, message),
                        profiling.stages == null ? List.of() : profiling.stages.results());
                writeFailed(failed, config, log);
                throw cleanup.interrupted() ? new ProfilerException("The run was " + message + "; what it created was removed") : e;
            } finally {
                cleanup.reported();
            }
        }
    }

    /** Writes the reports of a run whose parameters could not be read: a configuration error, nothing ran. */
    public static void reportConfigurationError(ProfilerException mistake, ProfilerConfig outputs, ProfilerLog log) {
        writeFailed(RunResult.failed(Instant.now().toString(), null, null, RunError.configuration(mistake.getMessage())),
                outputs, log);
    }

    /** The reports of a run that ended early; one that cannot be written is a warning, the run's own error the failure. */
    private static void writeFailed(RunResult failed, ProfilerConfig config, ProfilerLog log) {
        try {
            Reports.write(failed, config, log);
        } catch (ProfilerException unwritable) {
            log.warn(unwritable.getMessage());
        }
    }

    /** One run: what it has reached, for the report of a run that ends early, and what it has built so far. */
    private final class Profiling {
        private final ProfilerConfig given;
        private final Selection forced;
        private final String startedAt;
        private final Cleanup cleanup;
        private String stage = RunError.CONFIGURATION;
        private String sourceName;
        private RunResult.Engine engine;
        private RunInputs inputs;
        private PostgresServer server;
        /** A migration fails whatever the data (the rehearsal saw it): nothing is seeded, no pass but the instrumented one runs. */
        private boolean failsAnyway;
        /** Whether the baseline template was a cache hit, when one was used. */
        private SeedSummary.Cache cache;
        /** The migrations' stages once they run: what they reached stays in the results of an interrupted run. */
        private MigrationStages stages;
        private final List<String> warnings = new ArrayList<>();

        Profiling(ProfilerConfig given, Selection forced, String startedAt, Cleanup cleanup) {
            this.given = given;
            this.forced = forced;
            this.startedAt = startedAt;
            this.cleanup = cleanup;
        }

        RunResult profile() {
            // read and check everything cheap before starting a server
            MigrationSource source = cleanup.add(MigrationSources.open(given, log));
            sourceName = source.describe();
            inputs = RunInputs.read(given, source, forced, log);
            ProfilerConfig config = inputs.config();
            log.info("Profiling " + sourceName);

            stage = "engine";
            server = cleanup.add(Engines.start(config, inputs.version(), log));
            Roles.provide(server, config.roles(), log);
            engine = new RunResult.Engine(server.kind(), null, server.image());
            FinalSchema schema = listAndRehearse(source, config.seed());
            failsAnyway = schema == null;
            if (failsAnyway) {
                schema = FinalSchema.NONE;
            }
            stage = "seeding";
            BaselinePass reuse = failsAnyway ? null : reusableBaseline(schema);
            BaselineTemplate.Copy copy = reuse == null ? null : reuse.template(server);
            String template = copy == null ? null : copy.name();
            cache = copy == null ? null : new SeedSummary.Cache(copy.hit(), copy.buildMillis());
            ScratchDatabase database = ScratchDatabase.create(server, log, template);
            boolean keep = config.keepDatabase() || server.keepsData();
            if (!keep) {
                cleanup.add(database);
            }
            RunResult result = measure(database, schema, template, reuse == null ? Set.of() : Set.copyOf(reuse.baseline()));
            if (keep) {
                log.info("Kept database " + database.name() + " on " + server
                        + (server.keepsData() ? "" : "; drop it with: DROP DATABASE " + database.name() + ";"));
            }
            warnOfGaps(result.seed());
            result = new Gate(config.gate(), config.requireRollback()).judge(result);
            return inputs.baseline() == null ? result
                    : CompareRun.compared(result, inputs.baseline(), RunInputs.shown(config.baseDir(), config.baseline()), log);
        }

        /**
         * Lists the migrations where the source needs a server for it, then rehearses them when
         * seeding needs the final schema: on one empty database, which costs one CREATE DATABASE.
         */
        private FinalSchema listAndRehearse(MigrationSource source, SeedOptions seed) {
            if (!inputs.listsOnServer() && !seed.enabled()) {
                return FinalSchema.NONE;
            }
            ScratchDatabase empty = cleanup.add(ScratchDatabase.create(server, log));
            try {
                inputs = inputs.listedOn(empty, forced, log);
                sourceName = source.describe();
                warnings.addAll(source.leftOut());
                stage = "rehearsal";
                return seed.enabled() ? new Rehearsal(log).rehearse(empty, source, seed, inputs.config().gate().timeout())
                        : FinalSchema.NONE;
            } finally {
                if (!cleanup.interrupted()) {
                    empty.close(); // else the shutdown hook drops it, with the server
                }
            }
        }

        /** The instrumented pass over the scratch database, with the passes that follow it, into a run's result. */
        private RunResult measure(ScratchDatabase database, FinalSchema schema, String template,
                                  Set<Migration> alreadyApplied) {
            ProfilerConfig config = inputs.config();
            DataSeeder seeder = config.seed().enabled() && !failsAnyway
                    ? cleanup.add(new DataSeeder(database::connect, config.seed(), schema, inputs.production(), log)) : null;
            try (Connection connection = database.connect()) {
                String version = Settings.current(connection, "server_version");
                engine = new RunResult.Engine(server.kind(), version, server.image(), settingsInForce(connection),
                        inputs.version().reason());
                log.info("PostgreSQL " + version + " (" + server.kind() + "; major " + inputs.version().major() + ": "
                        + inputs.version().reason() + ")");
                warnOfAnotherMajor(version);
                MigrationSession.limit(connection, config.gate().timeout());
                stage = "profiling";
                Passes passes = new Passes(inputs, server, template, schema, cleanup, log);
                stages = new MigrationStages(seeder == null ? Seeder.NONE : seeder,
                        forced == Selection.NONE || failsAnyway ? MigrationStages.Replays.NONE : passes.replays(database::connect),
                        new Judgement(inputs.analyzer(), inputs.source(), inputs.productionRows()),
                        cleanup.add(new ConsoleReport(log, inputs.source().migrations().size())));
                List<String> baseline = new InstrumentedPass(inputs.source(), inputs.selection(), foreignKeys, cleanup::interrupted)
                        .run(connection, database.connect(), alreadyApplied, stages);
                Profile profile = new Profile(baseline, stages.results(), stages.timing(passes.unprojected(), inputs.productionRows()));
                passes.logCosts(stages);
                SeedSummary seeded = seeder == null ? null : seeder.summary().withTemplate(template, cache);
                return RunResult.of(startedAt, engine, database.name(), sourceName, profile.with(warned(profile, seeded)), seeded,
                        warnings);
            } catch (SQLException e) {
                throw new ProfilerException("Lost the connection to " + database + ": " + e.getMessage(), e);
            }
        }

        /**
         * The migrations with what their figures cannot say: measured on empty or nearly empty
         * tables, or failing on rows the seeder made.
         */
        private List<MigrationResult> warned(Profile profile, SeedSummary seeded) {
            List<MigrationResult> migrations = new ArrayList<>(profile.migrations());
            if (failsAnyway) {
                migrations.replaceAll(m -> m.applied() ? m.withWarning(FAILS_ANYWAY_WARNING) : m);
            } else if (seeded == null) {
                migrations.replaceAll(m -> m.applied() ? m.withWarning(EMPTY_TABLES_WARNING) : m);
                log.warn(EMPTY_TABLES_WARNING);
            } else {
                migrations.replaceAll(m -> m.applied() ? SyntheticRows.thin(SyntheticRows.explain(m, seeded), seeded) : m);
            }
            return migrations;
        }

        /**
         * The baseline to keep as a template, when possible (a server that keeps it, seeding on, a
         * baseline selected) and asked for; unasked, where it costs nothing: in the embedded
         * engine's own cache, and when runtimes are not projected (the template holds the full size only).
         */
        private BaselinePass reusableBaseline(FinalSchema schema) {
            ProfilerConfig config = inputs.config();
            boolean asked = Boolean.TRUE.equals(config.reuseBaseline());
            boolean projecting = inputs.whyNotProjected() == null;
            if (!asked && (config.reuseBaseline() != null || !server.keepsInOwnCache() || projecting)) {
                return null;
            }
            BaselinePass reuse = config.seed().enabled() && server.outlivesRun()
                    ? BaselinePass.of(inputs.source(), inputs.selection(), config.seed(), schema, inputs.production(),
                    BaselinePass.inputsKey(config.productionStats()), config.gate().timeout(), log) : null;
            if (reuse == null && asked) {
                log.info("reuseBaseline is ignored: it needs a server that keeps the template (an existing one by jdbcUrl, or "
                        + "the embedded engine's cached data directory or the Docker engine's data volume), seeding, and migrations selected after a baseline "
                        + "(migration-profiler.migrations or since)");
            }
            return reuse;
        }

        /** Profiling on another major than production's (or the one asked for) is worth a warning: locks and plans differ. */
        private void warnOfAnotherMajor(String serverVersion) {
            Integer major = PostgresVersion.majorOf(serverVersion);
            if (major != null && major != inputs.version().major()) {
                warnings.add("Profiled on PostgreSQL " + serverVersion + ", not " + inputs.version().major() + " ("
                        + inputs.version().reason() + "): " + switch (server.kind()) {
                            case "docker" -> "the image " + server.image() + " is of another major";
                            case "external" -> "the server at jdbcUrl is of another major";
                            default -> "the embedded binaries on the class path are of another major";
                        }
                        + "; lock modes, rewrites and runtimes may differ from production's");
                log.warn(warnings.get(warnings.size() - 1));
            }
        }

        /** The settings that change migration runtimes, as the server has them for the migrations' session. */
        private Map<String, String> settingsInForce(Connection connection) {
            try {
                return Settings.read(connection, StatsReader.SETTINGS);
            } catch (SQLException e) {
                warnings.add("The server's settings could not be read (" + e.getMessage() + "): engine.settings is left out");
                log.warn(warnings.get(warnings.size() - 1));
                return Map.of();
            }
        }

        /**
         * Every gap, each with the migration it starts after, and the thin tables. A table left with
         * the migrations' rows says what to do in its own gap; the others may be meant to be empty.
         */
        private void warnOfGaps(SeedSummary seed) {
            if (seed == null) {
                return;
            }
            if (!seed.thin().isEmpty()) {
                log.info(seed.thin().size() + " table(s) hold under 1 % of the scale's child rows (seed.thin in results.json):");
                seed.thin().forEach(gap -> log.info("  " + describe(gap)));
            }
            if (seed.gaps().isEmpty()) {
                return;
            }
            String empty = seed.gaps().stream().filter(g -> !g.reason().startsWith(DataSeeder.NOT_SEEDED))
                    .map(g -> Table.pomName(g.table())).findFirst().orElse(null);
            log.warn(seed.gaps().size() + " table(s) seeded with fewer rows than planned or left empty (seed.gaps in "
                    + "results.json)." + (empty == null ? "" : " To leave a table empty on purpose: <rowCounts><" + empty + ">0</"
                    + empty + "></rowCounts>"));
            seed.gaps().forEach(gap -> log.warn("  " + describe(gap)));
        }

        private static String describe(SeedSummary.Gap gap) {
            return gap.table() + (gap.after() == null ? "" : " (after " + gap.after() + ")") + ": " + gap.reason();
        }
    }
}
