package io.github.migrationprofiler.run;

import io.github.migrationprofiler.analysis.Analyzer;
import io.github.migrationprofiler.analysis.rules.Rules;
import io.github.migrationprofiler.catalog.ProductionStats;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.engine.ProductionSettings;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.report.ResultsJson;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.seed.ProductionShape;
import io.github.migrationprofiler.seed.SeedCheck;
import io.github.migrationprofiler.source.GitChanges;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.stats.ProductionRows;
import io.github.migrationprofiler.stats.StatsFile;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a profile run reads and checks before it starts a server, so that a typo costs
 * seconds: the migrations and which are under review, the rules, the baseline run to compare
 * with, production's statistics and row counts, and the configuration they shape.
 *
 * @param config        the configuration, with seeding proportions and server settings from production's statistics
 * @param source        the migrations
 * @param selection     the ones under review; {@code null} until a source that lists on a server has listed them
 * @param analyzer      the rules, as configured
 * @param baseline      a saved run to compare with; {@code null} without one
 * @param productionRows production's rows per table
 * @param production    production's shape, for the seeder
 * @param version       the PostgreSQL major to profile on, and why
 */
record RunInputs(ProfilerConfig config, MigrationSource source, Selection selection, Analyzer analyzer, RunResult baseline,
                 ProductionRows productionRows, ProductionShape production, PostgresVersion version) {

    /**
     * @param source the migrations, opened from {@code config}
     * @param forced the selection a goal imposes ({@link Selection#NONE} for the seed goal), or {@code null} for the configured one
     */
    static RunInputs read(ProfilerConfig config, MigrationSource source, Selection forced, ProfilerLog log) {
        Selection selection = source.listsOnServer() ? null : select(config, source, forced, log);
        Analyzer analyzer = Analyzer.of(config.disabledRules(), config.assumeLockTimeout(),
                new Rules.Lines(config.longMigration(), config.gate().trafficWarn()));
        RunResult baseline = config.baseline() == null ? null : ResultsJson.readBaseline(config.baseline());
        ProductionStats stats = productionStats(config, log);
        ProductionRows productionRows = new ProductionRows(config.productionRows(), stats);
        ProfilerConfig shaped = config.toBuilder().seed(productionRows.proportions(config.seed()))
                .serverSettings(serverSettings(config, stats, log)).build();
        SeedCheck.check(shaped.seed());
        if (shaped.traffic().enabled() && shaped.traffic().queries() != null && !Files.isRegularFile(shaped.traffic().queries())) {
            throw new ProfilerException("No traffic queries at " + shaped.traffic().queries() + " (migration-profiler.trafficQueries): "
                    + "give a SQL file of the application's queries, each with a :key(table) placeholder");
        }
        return new RunInputs(shaped, source, selection, analyzer, baseline, productionRows, new ProductionShape(stats, productionRows),
                PostgresVersion.choose(config.postgresVersion(), stats == null ? null : stats.serverVersion()));
    }

    /**
     * For a source that lists its migrations only on a server (Flyway): lists them on {@code empty},
     * a scratch database nothing has touched yet, then checks the selection against them.
     */
    RunInputs listedOn(ScratchDatabase empty, Selection forced, ProfilerLog log) {
        if (selection != null) {
            return this;
        }
        source.list(empty::connect);
        return new RunInputs(config, source, select(config, source, forced, log), analyzer, baseline, productionRows, production,
                version);
    }

    /** Why runtimes cannot be projected to production's rows, in words; {@code null} when they can. */
    String whyNotProjected() {
        return !productionRows.known() ? "no production row counts (give <productionRows>, or run the stats goal against production)"
                : !config.cleanTiming() ? "cleanTiming is off"
                : !config.seed().enabled() ? "seed.scale=0 measures on empty tables"
                : config.projectionSizes().isEmpty() ? "projectionSizes is none"
                : null;
    }

    /** Whether the source needs a server to say which migrations there are ({@link #listedOn}). */
    boolean listsOnServer() {
        return selection == null;
    }

    /** The migrations under review: those a goal imposes, or those configured, narrowed to what changed since a git ref. */
    private static Selection select(ProfilerConfig config, MigrationSource source, Selection forced, ProfilerLog log) {
        Selection selection = forced != null ? forced : Selection.of(config.migrations());
        selection.validate(source.migrations());
        return forced == null && config.since() != null ? changedSince(config, source, selection, log) : selection;
    }

    /**
     * Production's settings for a server the run starts (within this machine's means); on an
     * existing server only the per-session ones apply. The pom's own settings win.
     */
    private static Map<String, String> serverSettings(ProfilerConfig config, ProductionStats stats, ProfilerLog log) {
        if (stats == null) {
            return config.serverSettings();
        }
        boolean existingServer = config.engine() == EngineKind.EXTERNAL || config.engine() == EngineKind.AUTO && config.jdbcUrl() != null;
        if (!existingServer) {
            return ProductionSettings.mirror(stats.settings(), config.serverSettings(), log);
        }
        Map<String, String> settings = new LinkedHashMap<>(ProductionSettings.perSession(stats.settings()));
        settings.putAll(config.serverSettings());
        return settings;
    }

    /** Production's statistics when the team keeps them. */
    private static ProductionStats productionStats(ProfilerConfig config, ProfilerLog log) {
        ProductionStats stats = StatsFile.readIfPresent(config.productionStats());
        if (stats != null) {
            log.info("Production statistics: " + stats.tables().size() + " table(s) read " + stats.readAt() + " from PostgreSQL "
                    + stats.serverVersion() + " (" + shown(config.baseDir(), config.productionStats()) + ")");
        }
        return stats;
    }

    /** Narrows the selection to what changed since the git ref, and says what that is. */
    private static Selection changedSince(ProfilerConfig config, MigrationSource source, Selection selection, ProfilerLog log) {
        GitChanges changes = GitChanges.since(config.baseDir(), config.since());
        Selection changed = selection.and(changes.changedIn(source, config.baseDir()));
        List<Migration> reviewed = source.migrations().stream().filter(changed::includes).toList();
        log.info(reviewed.isEmpty()
                ? "No migration changed since " + config.since() + ": the whole history is the baseline, nothing is under review"
                : reviewed.size() + " migration(s) changed since " + config.since() + " (" + changes.base().substring(0, Math.min(12,
                changes.base().length())) + "): " + reviewed.stream().limit(10).map(Migration::label)
                .collect(Collectors.joining(", ")) + (reviewed.size() > 10 ? ", …" : ""));
        return changed;
    }

    /** A file as reports name it: relative to the project when inside it, else as an absolute path. */
    static String shown(Path baseDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path project = baseDir.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute).toString() : absolute.toString();
    }
}
