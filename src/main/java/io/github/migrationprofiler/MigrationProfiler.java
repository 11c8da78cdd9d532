package io.github.migrationprofiler;

import io.github.migrationprofiler.analysis.Analyzer;
import io.github.migrationprofiler.analysis.Comparison;
import io.github.migrationprofiler.analysis.Gate;
import io.github.migrationprofiler.analysis.Verdict;
import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.GateOptions;
import io.github.migrationprofiler.profile.MigrationResult;
import io.github.migrationprofiler.report.HtmlReport;
import io.github.migrationprofiler.report.MarkdownSummary;
import io.github.migrationprofiler.report.SurefireXml;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.ProductionSettings;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.profile.Profile;
import io.github.migrationprofiler.profile.Profiler;
import io.github.migrationprofiler.profile.RunResult;
import io.github.migrationprofiler.profile.Selection;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.profile.RunError;
import io.github.migrationprofiler.profile.SqlError;
import io.github.migrationprofiler.seed.SeedSummary;
import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.seed.Table;
import io.github.migrationprofiler.seed.TableHistory;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.MigrationSources;
import io.github.migrationprofiler.source.GitChanges;
import io.github.migrationprofiler.profile.Databases;
import io.github.migrationprofiler.seed.ProductionShape;
import io.github.migrationprofiler.stats.ProductionRows;
import io.github.migrationprofiler.stats.ProductionStats;
import io.github.migrationprofiler.stats.StatsFile;
import io.github.migrationprofiler.stats.StatsReader;
import io.github.migrationprofiler.traffic.TrafficPass;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One profiling run, start to finish: read the migrations, start PostgreSQL, plan the data,
 * create a scratch database, apply, seed and measure, write the results, and clean up whatever
 * happens.
 */
public final class MigrationProfiler {

    static final String EMPTY_TABLES_WARNING =
            "seed.scale=0: measured on empty tables, so runtimes and locks say little about production";

    private final ProfilerLog log;

    public MigrationProfiler(ProfilerLog log) {
        this.log = log;
    }

    /** Profiles the migrations the configuration selects (all when it selects none). */
    public RunResult run(ProfilerConfig config) {
        return run(config, null);
    }

    /**
     * Applies every migration and seeds the result, reviewing none: the database a person explores.
     * The scratch database is kept.
     */
    public RunResult seed(ProfilerConfig config) {
        boolean hasUrl = config.jdbcUrl() != null && !config.jdbcUrl().isBlank();
        if (config.engine() == EngineKind.EMBEDDED || !hasUrl && config.engine() == EngineKind.EXTERNAL) {
            throw new ProfilerException("The seed goal needs a server that outlives the build: a Docker container "
                    + "(kept after the run) or an existing server (-Dmigration-profiler.jdbcUrl=…). Embedded PostgreSQL "
                    + "stops with Maven.");
        }
        if (!config.seed().enabled()) {
            throw new ProfilerException("The seed goal with seed.scale=0 would leave the tables empty: choose a scale.");
        }
        return run(config.toBuilder()
                .engine(hasUrl ? EngineKind.EXTERNAL : EngineKind.DOCKER)
                .docker(config.docker().withKeepContainer(true))
                .keepDatabase(true)
                .build(), Selection.NONE);
    }

    /**
     * A migration that fails is part of the result (see {@link RunResult#failures()}); problems the
     * user must fix first are thrown as {@link ProfilerException}, after the reports say what happened.
     */
    private RunResult run(ProfilerConfig config, Selection forced) {
        String startedAt = Instant.now().toString();
        Progress progress = new Progress();
        try (Cleanup cleanup = new Cleanup(log)) {
            try {
                RunResult result = profile(config, forced, startedAt, cleanup, progress);
                writeReports(result, config);
                return result;
            } catch (ProfilerException e) {
                // once the run is being cancelled, what fails next is the cancellation, not the cause to report
                String message = cleanup.interrupted() ? "interrupted (Ctrl-C or SIGTERM) during " + progress.stage : e.getMessage();
                RunResult failed = RunResult.failed(startedAt, progress.engine, progress.source, new RunError(progress.stage, message));
                try {
                    writeReports(failed, config);
                } catch (ProfilerException unwritable) {
                    log.warn(unwritable.getMessage());
                }
                throw cleanup.interrupted() ? new ProfilerException("The run was " + message + "; what it created was removed") : e;
            } finally {
                cleanup.reported();
            }
        }
    }

    /** What a run has reached, for the report of a run that ends early. */
    private static final class Progress {
        String stage = "migrations";
        String source;
        RunResult.Engine engine;
    }

    private RunResult profile(ProfilerConfig config, Selection forced, String startedAt, Cleanup cleanup, Progress progress) {
        // read and check everything cheap before starting a server
        MigrationSource source = MigrationSources.open(config, log);
        progress.source = source.describe();
        Selection selection = forced != null ? forced : Selection.of(config.migrations());
        selection.validate(source.migrations());
        if (forced == null && config.since() != null) {
            selection = changedSince(config, source, selection);
        }
        Analyzer analyzer = Analyzer.of(config.disabledRules(), config.assumeLockTimeout());
        RunResult baseline = config.baseline() == null ? null : ResultsJson.readBaseline(config.baseline());
        ProductionStats stats = productionStats(config);
        ProductionRows productionRows = new ProductionRows(config.productionRows(), stats);
        ProductionShape production = new ProductionShape(stats, productionRows);
        config = config.toBuilder().seed(productionRows.proportions(config.seed())).serverSettings(stats == null ? config.serverSettings()
                : startsNoServer(config) ? withUsersFirst(ProductionSettings.perSession(stats.settings()), config.serverSettings())
                : ProductionSettings.mirror(stats.settings(), config.serverSettings(), log)).build();
        SeedOptions seed = config.seed();
        DataSeeder.check(seed);
        if (config.traffic().enabled() && config.traffic().queries() != null && !java.nio.file.Files.isRegularFile(config.traffic().queries())) {
            throw new ProfilerException("No traffic queries at " + config.traffic().queries() + " (migration-profiler.trafficQueries): "
                    + "give a SQL file of the application's queries, each with a :key(table) placeholder");
        }
        log.info("Profiling " + source.describe());

        progress.stage = "engine";
        PostgresServer server = cleanup.add(Engines.start(config, log));
        progress.engine = new RunResult.Engine(server.kind(), null, server.image());
        progress.stage = "rehearsal";
        FinalSchema schema = seed.enabled() ? rehearse(server, source, seed, config.gate().timeout(), cleanup) : FinalSchema.NONE;
        progress.stage = "seeding";
        BaselineReuse reuse = reusableBaseline(config, server, source, selection, schema);
        String template = reuse == null ? null : reuse.template(server);
        ScratchDatabase database = ScratchDatabase.create(server, log, template);
        boolean keep = config.keepDatabase() || server.keepsData();
        if (!keep) {
            cleanup.add(database);
        }
        DataSeeder seeder = seed.enabled() ? cleanup.add(new DataSeeder(database::connect, seed, schema, production, log)) : null;
        RunResult result;
        try (Connection connection = database.connect()) {
            String version = serverVersion(connection);
            progress.engine = new RunResult.Engine(server.kind(), version, server.image(), settingsInForce(connection));
            log.info("PostgreSQL " + version + " (" + server.kind() + ")");
            applyTimeout(connection, config.gate().timeout());
            progress.stage = "profiling";
            Profiler profiler = new Profiler(source, selection, seeder == null ? Seeder.NONE : seeder, analyzer, log, cleanup::interrupted);
            if (config.cleanTiming() && forced != Selection.NONE) { // the seed goal reviews nothing: nothing to time
                cleanup.add(profiler.timeCleanly(copies(server, template, cleanup), database::connect, config.iterations(),
                        String.valueOf(config.gate().timeout().toMillis())));
            }
            if (forced != Selection.NONE) {
                project(profiler, config, productionRows, schema, production, template, cleanup);
                if (config.traffic().enabled() && seed.enabled()) {
                    if (config.cleanTiming()) {
                        profiler.withTraffic(new TrafficPass(config.traffic(), log));
                    } else {
                        log.info("No traffic pass: it runs on copies of the clean pass's follower (cleanTiming=false)");
                    }
                }
            }
            Profile profile = profiler.profile(connection, database.connect(), reuse == null ? Set.of() : Set.copyOf(reuse.baseline()));
            if (!seed.enabled()) {
                profile = profile.with(profile.migrations().stream()
                        .map(m -> m.applied() ? m.withWarning(EMPTY_TABLES_WARNING) : m).toList());
                log.warn(EMPTY_TABLES_WARNING);
            }
            SeedSummary seeded = seeder == null ? null : seeder.summary().withTemplate(template);
            if (seeded != null) {
                profile = profile.with(profile.migrations().stream().map(m -> onSyntheticRows(m, seeded)).toList());
            }
            result = RunResult.of(startedAt, progress.engine, database.name(), source.describe(), profile, seeded);
        } catch (SQLException e) {
            throw new ProfilerException("Lost the connection to " + database + ": " + e.getMessage(), e);
        }
        if (keep) {
            log.info("Kept database " + database.name() + " on " + server
                    + (server.keepsData() ? "" : "; drop it with: DROP DATABASE " + database.name() + ";"));
        }
        if (result.seed() != null && !result.seed().gaps().isEmpty()) {
            // a table left with the migrations' rows says what to do in its own gap; the others may be meant to be empty
            String empty = result.seed().gaps().stream().filter(g -> !g.reason().startsWith(DataSeeder.NOT_SEEDED))
                    .map(g -> Table.pomName(g.table())).findFirst().orElse(null);
            log.warn(result.seed().gaps().size() + " table(s) seeded with fewer rows than planned or left empty (seed.gaps in "
                    + "results.json)." + (empty == null ? "" : " To leave a table empty on purpose: <rowCounts><" + empty + ">0</"
                    + empty + "></rowCounts>"));
        }
        result = judge(result, config.gate());
        return baseline == null ? result : compare(result, baseline, shown(config.baseDir(), config.baseline()));
    }

    /**
     * Compares a results.json written earlier with a baseline one, and writes the comparison into
     * that results.json, and the summary.md and report.html beside it.
     */
    public RunResult compareFiles(Path results, Path baselineFile) {
        if (!java.nio.file.Files.isRegularFile(results)) {
            throw new ProfilerException("No results to compare at " + results + ": run the profile goal first (mvn verify)");
        }
        RunResult baseline = ResultsJson.readBaseline(baselineFile);
        RunResult current = ResultsJson.read(results);
        if (current.error() != null) {
            throw new ProfilerException("The results at " + results + " are of a run that stopped before profiling: nothing to compare");
        }
        RunResult compared = compare(current, baseline, baselineFile.getFileName().toString());
        Path directory = results.toAbsolutePath().getParent();
        ResultsJson.write(compared, directory);
        MarkdownSummary.write(compared, directory, null);
        HtmlReport.write(compared, directory);
        return compared;
    }

    /** A file as reports name it: relative to the project when inside it, else as an absolute path. */
    private static String shown(Path baseDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path project = baseDir.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute).toString() : absolute.toString();
    }

    /** The run with its runtimes compared to the baseline run's, and the outcome in one line. */
    public RunResult compare(RunResult result, RunResult baseline, String baselineName) {
        Comparison comparison = Comparison.of(baselineName, baseline, result);
        log.info("Against " + baselineName + ": " + comparison.summary());
        return result.compared(comparison);
    }

    /**
     * Sets the profiler up to project runtimes to production's rows when it can: production's
     * counts known, the clean pass on, seeding on, sizes configured, and no baseline template
     * (which holds the full size only). Else says once why not.
     */
    private void project(Profiler profiler, ProfilerConfig config, ProductionRows rows, FinalSchema schema, ProductionShape production,
                         String template, Cleanup cleanup) {
        String why = !rows.known() ? "no production row counts (give <productionRows>, or run the stats goal against production)"
                : !config.cleanTiming() ? "cleanTiming is off"
                : !config.seed().enabled() ? "seed.scale=0 measures on empty tables"
                : config.projectionSizes().isEmpty() ? "projectionSizes is none"
                : template != null ? "the reused baseline template holds the full size only (reuseBaseline)"
                : null;
        if (why != null) {
            profiler.notProjected(why);
            return;
        }
        // the smaller sizes seed by the same plan: their gaps are the full size's, already warned of
        ProfilerLog quiet = log.debugOnly();
        profiler.projectTo(rows, config.projectionSizes(), (fraction, connector) ->
                cleanup.add(new DataSeeder(connector, config.seed().scaled(fraction), schema.scaled(fraction), production, quiet)));
    }

    /** Databases for the clean timing pass: new ones start as the scratch database did (empty, or a copy of the baseline template). */
    private Databases copies(PostgresServer server, String template, Cleanup cleanup) {
        return from -> {
            ScratchDatabase copy = cleanup.add(ScratchDatabase.create(server, log.quieter(), from == null ? template : from));
            return new Databases.Database() {
                @Override public String name() { return copy.name(); }
                @Override public Connection connect() throws SQLException { return copy.connect(); }
                @Override public void close() { copy.close(); }
            };
        };
    }

    /**
     * Production's statistics when the team keeps them: their shapes for the seeder, and
     * production's settings for a server the run starts (within this machine's means).
     */
    private ProductionStats productionStats(ProfilerConfig config) {
        ProductionStats stats = StatsFile.readIfPresent(config.productionStats());
        if (stats == null) {
            return null;
        }
        log.info("Production statistics: " + stats.tables().size() + " table(s) read " + stats.readAt() + " from PostgreSQL "
                + stats.serverVersion() + " (" + shown(config.baseDir(), config.productionStats()) + ")");
        return stats;
    }

    private static Map<String, String> withUsersFirst(Map<String, String> production, Map<String, String> user) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(production);
        settings.putAll(user);
        return settings;
    }

    /** An existing server keeps its own server-wide settings: only per-session ones can follow production. */
    private static boolean startsNoServer(ProfilerConfig config) {
        return config.engine() == EngineKind.EXTERNAL || config.engine() == EngineKind.AUTO && config.jdbcUrl() != null;
    }

    /** The settings that change migration runtimes, as the server has them for the migrations' session. */
    private static Map<String, String> settingsInForce(Connection connection) {
        try {
            return StatsReader.settings(connection, StatsReader.SETTINGS);
        } catch (SQLException e) {
            return Map.of(); // reported as unknown rather than failing a run that measured everything else
        }
    }

    /** Narrows the selection to what changed since the git ref, and says what that is. */
    private Selection changedSince(ProfilerConfig config, MigrationSource source, Selection selection) {
        GitChanges changes = GitChanges.since(config.baseDir(), config.since());
        Selection changed = selection.and(changes.changedIn(source, config.baseDir()));
        List<Migration> reviewed = source.migrations().stream().filter(changed::includes).toList();
        log.info(reviewed.isEmpty()
                ? "No migration changed since " + config.since() + ": the whole history is the baseline, nothing is under review"
                : reviewed.size() + " migration(s) changed since " + config.since() + " (" + changes.base().substring(0, Math.min(12,
                changes.base().length())) + "): " + reviewed.stream().limit(10).map(Migration::label)
                .collect(java.util.stream.Collectors.joining(", ")) + (reviewed.size() > 10 ? ", …" : ""));
        return changed;
    }

    /**
     * A migration that fails on the data of a table the seeder filled may be right for production's
     * rows: say so, with what the seeder can be told, rather than leave the failure looking like a
     * bug in the migration only.
     */
    private static MigrationResult onSyntheticRows(MigrationResult migration, SeedSummary seeded) {
        SqlError error = migration.error();
        if (error == null || !error.aboutData() || error.table() == null) {
            return migration;
        }
        String bare = error.table().substring(error.table().indexOf('.') + 1);
        return seeded.tables().stream()
                .filter(t -> t.rows() > 0 && (t.table().equals(error.table()) || Table.pomName(t.table()).equals(bare)))
                .findFirst()
                .map(t -> migration.withWarning(String.format(Locale.ROOT, "%s holds %,d synthetic rows. If production's rows "
                        + "satisfy this migration, tell the seeder what the schema does not say (valuePatterns, jsonSamples), or "
                        + "leave the table empty with <rowCounts><%s>0</%s></rowCounts>; docs/seeding.md", t.table(), t.rows(),
                        Table.pomName(t.table()), Table.pomName(t.table()))))
                .orElse(migration);
    }

    private void writeReports(RunResult result, ProfilerConfig config) {
        Path json = ResultsJson.write(result, config.outputDirectory());
        SurefireXml.write(result, config.reportsDirectory());
        MarkdownSummary.write(result, config.outputDirectory(), config.stepSummary());
        Path html = HtmlReport.write(result, config.outputDirectory());
        if (result.error() == null) {
            log.info(String.format(Locale.ROOT, "Profiled %d migration(s) in %.1f ms, %d failed%s; baseline %d; verdict %s",
                    result.totals().migrations(), result.totals().millis(), result.totals().failed(),
                    result.totals().skipped() == 0 ? "" : ", " + result.totals().skipped() + " skipped", result.baseline().size(),
                    result.verdict()));
        }
        log.info("Results: " + json);
        log.info("Report: " + html);
    }

    /**
     * Tables are seeded as soon as they exist, before later migrations add the constraints and
     * tables that concern them. So the migrations are first applied to an empty throw-away
     * database: the schema they end with, renames included, the keys they insert themselves and
     * what they read out of JSON tell the seeder what rows must look like from the start.
     */
    private FinalSchema rehearse(PostgresServer server, MigrationSource source, SeedOptions seed, java.time.Duration timeout,
                                 Cleanup cleanup) {
        log.info("Planning " + seed.scale() + " scale (" + String.format(Locale.ROOT, "%,d", seed.childRows())
                + " child rows) on a rehearsal of the migrations");
        ScratchDatabase rehearsal = cleanup.add(ScratchDatabase.create(server, log));
        try (Connection connection = rehearsal.connect()) {
            applyTimeout(connection, timeout); // a migration that would time out must not run unbounded here either
            TableHistory history = new TableHistory(connection, source::text, log);
            source.apply(connection, history);
            Map<Migration, String> texts = new LinkedHashMap<>();
            source.migrations().forEach(m -> texts.put(m, source.text(m)));
            return FinalSchema.read(connection, history, seed, texts, seed.jsonSamples());
        } catch (SQLException e) {
            throw new ProfilerException("The rehearsal on " + rehearsal + " failed: " + e.getMessage(), e);
        } finally {
            if (!cleanup.interrupted()) {
                rehearsal.close(); // else the shutdown hook drops it, with the server
            }
        }
    }

    /** The baseline to keep as a template, when asked for and possible: an external server, seeding on, a baseline selected. */
    private BaselineReuse reusableBaseline(ProfilerConfig config, PostgresServer server, MigrationSource source, Selection selection,
                                           FinalSchema schema) {
        if (!config.reuseBaseline()) {
            return null;
        }
        BaselineReuse reuse = config.seed().enabled() && "external".equals(server.kind())
                ? BaselineReuse.of(source, selection, config.seed(), schema, config.gate().timeout(), log) : null;
        if (reuse == null) {
            log.info("reuseBaseline is ignored: it needs an external server (jdbcUrl) that keeps the template, seeding, "
                    + "and migrations selected after a baseline (migration-profiler.migrations)");
        }
        return reuse;
    }

    /** Each migration's verdict against the thresholds, and the run's: the worst of them, or the total's line. */
    private static RunResult judge(RunResult run, GateOptions options) {
        Gate gate = new Gate(options);
        List<MigrationResult> judged = run.migrations().stream()
                .map(m -> !m.applied() ? m : m.judged(gate.judge(m.failed(), m.error() == null ? null : m.error().sqlState(),
                        m.millis(), m.projection(), m.judgedWaitMillis(), m.kind(), m.findings())))
                .toList();
        boolean projected = judged.stream().anyMatch(m -> m.projection() != null);
        Gate.Judgement total = gate.judgeTotal(projected ? judged.stream().mapToDouble(MigrationResult::judgedMillis).sum()
                : run.totals().millis(), projected);
        Verdict verdict = judged.stream().map(MigrationResult::verdict).filter(java.util.Objects::nonNull)
                .reduce(total.verdict(), Verdict::worst);
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("warnSmall", Durations.format(options.warnSmall()));
        thresholds.put("warnMedium", Durations.format(options.warnMedium()));
        thresholds.put("warnLarge", Durations.format(options.warnLarge()));
        thresholds.put("critical", Durations.format(options.critical()));
        if (options.totalCritical() != null) {
            thresholds.put("totalCritical", Durations.format(options.totalCritical()));
        }
        thresholds.put("timeout", Durations.format(options.timeout()));
        return run.judged(judged, new RunResult.GateSummary(verdict, total.reasons(), thresholds));
    }

    /** The timeout is the migration session's statement_timeout: a statement running longer is cancelled by the server. */
    static void applyTimeout(Connection connection, java.time.Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + timeout.toMillis());
        }
    }

    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
