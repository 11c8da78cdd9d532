package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Everything a profiling run needs to know, as plain values. The Maven goal fills it from its
 * parameters; tests and benchmarks build it directly.
 *
 * @param baseDir             project directory; paths in results are shown relative to it
 * @param changelog           Liquibase changelog, or {@code null} to use {@code sqlDirectory}
 * @param sqlDirectory        directory of plain SQL migrations (used when there is no changelog)
 * @param searchPath          directories Liquibase resolves changelog paths against
 * @param contexts            Liquibase context filter, or {@code null}
 * @param labels              Liquibase label filter, or {@code null}
 * @param changelogParameters Liquibase changelog parameters
 * @param flyway              where a Flyway project's configuration and classes come from
 * @param skipCustomChanges   Liquibase custom changes run as no-ops, by class (glob) or changeset ({@code id}, {@code author:id})
 * @param migrations          ids, file names or globs of the migrations under review; empty = all
 * @param since               a git ref: only migrations added or changed since it are under review; {@code null} = no such filter
 * @param engine              where PostgreSQL comes from
 * @param jdbcUrl             server for the external engine
 * @param credentials         credentials for the external engine
 * @param serverSettings      PostgreSQL settings for servers the run starts itself
 * @param roles               roles the migrations grant to, created NOLOGIN on servers the run starts itself
 * @param docker              how the Docker engine runs its container
 * @param seed                how much synthetic data the migrations meet
 * @param keepDatabase        leave the scratch database for a person to explore instead of dropping it
 * @param disabledRules       ids of analysis rules not to apply
 * @param assumeLockTimeout   the team's migration runner sets lock_timeout for every migration
 * @param longMigration       a migration running this long gets a {@code long-migration} finding
 * @param cleanTiming         time each reviewed migration in a pass of its own, unobserved (else in the instrumented pass)
 * @param iterations          how many clean runs each reviewed migration gets, each on a fresh copy of the state before it
 * @param baseline            a results.json to compare the runtimes with; {@code null} = no comparison
 * @param productionStats     production's statistics (the stats goal's file); used when it exists
 * @param productionRows      production's rows per table, to project runtimes to (wins over the statistics file's)
 * @param projectionSizes     the fractions of the seeded scale measured besides the full size, to project from; empty = none
 * @param traffic             the traffic pass: concurrent queries against each reviewed migration
 * @param gate                thresholds and timeout
 * @param reportsDirectory    where the Surefire-style XML goes
 * @param rollback            undo each reviewed migration on a copy of the state after it; {@code null}: when migrations are
 *                            selected or at most {@link #ROLLBACK_ALL_UP_TO} are under review
 * @param requireRollback     a reviewed migration without an undo is a warning
 * @param reuseBaseline       keep the seeded baseline as a template database and copy it in later runs; {@code null}: where it
 *                            costs nothing (the embedded engine's cache, runtimes not projected)
 * @param stepSummary         a file the Markdown summary is appended to (GitHub's $GITHUB_STEP_SUMMARY), or {@code null}
 * @param statementsShown     statements listed in detail per migration in the reports (the notable and slowest); 0 = all
 * @param parallelism         how many untimed passes on separate databases may run side by side (the projection sizes' seeding
 *                            and replays); timed runs always run alone
 * @param encoding            how SQL files and changelogs are read ({@code project.build.sourceEncoding})
 * @param embeddedBinaries    the jar of this machine's PostgreSQL binaries of a major for the embedded engine, resolved when
 *                            it starts; {@code null}: found on the class path (whatever major they are)
 * @param postgresVersion     the PostgreSQL major to profile on; {@code null}: production's, from the statistics file, else
 *                            {@link PostgresVersion#DEFAULT}
 * @param cacheDirectory      where state is kept between runs (the embedded engine's data directory); {@code null}: nothing is kept
 * @param outputDirectory     where results are written
 */
public record ProfilerConfig(
        Path baseDir,
        Path changelog,
        Path sqlDirectory,
        List<Path> searchPath,
        String contexts,
        String labels,
        Map<String, String> changelogParameters,
        FlywayOptions flyway,
        List<String> skipCustomChanges,
        List<String> migrations,
        String since,
        EngineKind engine,
        String jdbcUrl,
        Credentials credentials,
        Map<String, String> serverSettings,
        List<String> roles,
        DockerOptions docker,
        SeedOptions seed,
        boolean keepDatabase,
        Set<String> disabledRules,
        boolean assumeLockTimeout,
        Duration longMigration,
        boolean cleanTiming,
        int iterations,
        Path baseline,
        Path productionStats,
        Map<String, Long> productionRows,
        List<Double> projectionSizes,
        TrafficOptions traffic,
        GateOptions gate,
        Path reportsDirectory,
        Boolean reuseBaseline,
        Boolean rollback,
        boolean requireRollback,
        Path stepSummary,
        int statementsShown,
        int parallelism,
        Charset encoding,
        IntFunction<Path> embeddedBinaries,
        Integer postgresVersion,
        Path cacheDirectory,
        Path outputDirectory) {

    public ProfilerConfig {
        searchPath = List.copyOf(searchPath);
        changelogParameters = Parameters.emptyAsBlank(changelogParameters);
        migrations = List.copyOf(migrations);
        skipCustomChanges = List.copyOf(skipCustomChanges);
        serverSettings = Map.copyOf(serverSettings);
        roles = roles.stream().map(String::strip).filter(r -> !r.isEmpty()).distinct().toList();
        disabledRules = Set.copyOf(disabledRules);
        productionRows = Map.copyOf(productionRows);
        projectionSizes = List.copyOf(projectionSizes);
        if (parallelism < 1) {
            throw new ProfilerException("migration-profiler.parallelism must be 1 or more, not " + parallelism);
        }
    }

    /**
     * Unasked, the rollback pass undoes every reviewed migration of a history this long or
     * shorter; a longer one (a whole history reviewed) is left alone: a copy per migration.
     */
    public static final int ROLLBACK_ALL_UP_TO = 50;

    /** Deployments and serverless runners give up after minutes: five is where a migration needs splitting. */
    public static final Duration DEFAULT_LONG_MIGRATION = Duration.ofMinutes(5);

    /** Enough to find every statement worth a look in a migration of reference data; the rest are summed. */
    public static final int DEFAULT_STATEMENTS_SHOWN = 100;

    /** A quarter and a half of the seeded scale: with the full size, three points to fit and check a model against. */
    public static final List<Double> DEFAULT_PROJECTION_SIZES = List.of(0.25, 0.5);

    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    /** A builder holding this configuration, to change a few values. */
    public Builder toBuilder() {
        return builder(baseDir).changelog(changelog).sqlDirectory(sqlDirectory).searchPath(searchPath).contexts(contexts)
                .labels(labels).changelogParameters(changelogParameters).flyway(flyway).skipCustomChanges(skipCustomChanges).migrations(migrations).since(since).engine(engine)
                .jdbcUrl(jdbcUrl).credentials(credentials).serverSettings(serverSettings).roles(roles).docker(docker).seed(seed)
                .keepDatabase(keepDatabase).disabledRules(disabledRules).assumeLockTimeout(assumeLockTimeout).longMigration(longMigration).cleanTiming(cleanTiming)
                .iterations(iterations).baseline(baseline).productionStats(productionStats)
                .productionRows(productionRows).projectionSizes(projectionSizes).traffic(traffic).gate(gate).reportsDirectory(reportsDirectory)
                .reuseBaseline(reuseBaseline).rollback(rollback).requireRollback(requireRollback).stepSummary(stepSummary).statementsShown(statementsShown).parallelism(parallelism).encoding(encoding)
                .embeddedBinaries(embeddedBinaries).postgresVersion(postgresVersion).cacheDirectory(cacheDirectory)
                .outputDirectory(outputDirectory);
    }

    /** Builds a config with sensible defaults for everything not set. */
    public static final class Builder {
        private final Path baseDir;
        private Path changelog;
        private Path sqlDirectory;
        private List<Path> searchPath = List.of();
        private String contexts;
        private String labels;
        private Map<String, String> changelogParameters = new LinkedHashMap<>();
        private FlywayOptions flyway = FlywayOptions.NONE;
        private List<String> skipCustomChanges = List.of();
        private List<String> migrations = List.of();
        private String since;
        private EngineKind engine = EngineKind.AUTO;
        private String jdbcUrl;
        private Credentials credentials = Credentials.NONE;
        private Map<String, String> serverSettings = new LinkedHashMap<>();
        private List<String> roles = List.of();
        private DockerOptions docker = DockerOptions.DEFAULTS;
        private SeedOptions seed = SeedOptions.NONE;
        private boolean keepDatabase;
        private Set<String> disabledRules = Set.of();
        private boolean assumeLockTimeout;
        private Duration longMigration = DEFAULT_LONG_MIGRATION;
        private boolean cleanTiming = true;
        private int iterations = 1;
        private Path baseline;
        private Path productionStats;
        private Map<String, Long> productionRows = Map.of();
        private List<Double> projectionSizes = DEFAULT_PROJECTION_SIZES;
        private TrafficOptions traffic = TrafficOptions.OFF;
        private GateOptions gate = GateOptions.DEFAULTS;
        private Path reportsDirectory;
        private Path stepSummary;
        private Boolean reuseBaseline;
        private Boolean rollback;
        private boolean requireRollback;
        private Path outputDirectory;
        private int statementsShown = DEFAULT_STATEMENTS_SHOWN;
        private int parallelism = availableProcessors();
        private Charset encoding = StandardCharsets.UTF_8;
        private IntFunction<Path> embeddedBinaries;
        private Integer postgresVersion;
        private Path cacheDirectory;

        private Builder(Path baseDir) {
            this.baseDir = baseDir.toAbsolutePath().normalize();
            this.sqlDirectory = this.baseDir.resolve("src/main/resources/db/migration");
            this.outputDirectory = this.baseDir.resolve("target/migration-profiler");
            this.reportsDirectory = this.baseDir.resolve("target/migration-profiler-reports");
        }

        public Builder changelog(Path value) { changelog = value; return this; }
        public Builder sqlDirectory(Path value) { sqlDirectory = value; return this; }
        public Builder searchPath(List<Path> value) { searchPath = value; return this; }
        public Builder contexts(String value) { contexts = value; return this; }
        public Builder labels(String value) { labels = value; return this; }
        public Builder changelogParameters(Map<String, String> value) { changelogParameters = value; return this; }
        public Builder flyway(FlywayOptions value) { flyway = value; return this; }
        public Builder skipCustomChanges(List<String> value) { skipCustomChanges = value; return this; }
        public Builder migrations(List<String> value) { migrations = value; return this; }
        public Builder since(String value) { since = value == null || value.isBlank() ? null : value.strip(); return this; }
        public Builder engine(EngineKind value) { engine = value; return this; }
        public Builder jdbcUrl(String value) { jdbcUrl = value; return this; }
        public Builder credentials(Credentials value) { credentials = value; return this; }
        public Builder serverSettings(Map<String, String> value) { serverSettings = value; return this; }
        public Builder roles(List<String> value) { roles = value; return this; }
        public Builder docker(DockerOptions value) { docker = value; return this; }
        public Builder seed(SeedOptions value) { seed = value; return this; }
        public Builder keepDatabase(boolean value) { keepDatabase = value; return this; }
        public Builder disabledRules(Collection<String> value) { disabledRules = Set.copyOf(value); return this; }
        public Builder assumeLockTimeout(boolean value) { assumeLockTimeout = value; return this; }
        public Builder longMigration(Duration value) { longMigration = value; return this; }
        public Builder cleanTiming(boolean value) { cleanTiming = value; return this; }
        public Builder baseline(Path value) { baseline = value; return this; }
        public Builder productionStats(Path value) { productionStats = value; return this; }
        public Builder productionRows(Map<String, Long> value) { productionRows = value; return this; }
        public Builder traffic(TrafficOptions value) { traffic = value; return this; }
        public Builder projectionSizes(List<Double> value) {
            for (double size : value) {
                if (!(size > 0 && size < 1)) {
                    throw new ProfilerException("migration-profiler.projectionSizes are fractions of the "
                            + "seeded scale between 0 and 1 (the full size is always measured), not " + size);
                }
            }
            projectionSizes = value.stream().distinct().sorted().toList();
            return this;
        }
        public Builder iterations(int value) {
            if (value < 1) {
                throw new ProfilerException("migration-profiler.iterations must be 1 or more, not " + value);
            }
            iterations = value;
            return this;
        }
        public Builder outputDirectory(Path value) { outputDirectory = value; return this; }
        public Builder statementsShown(int value) { statementsShown = value; return this; }
        /** {@code null}: the available processors. */
        public Builder parallelism(Integer value) { parallelism = value == null ? availableProcessors() : value; return this; }

        private static int availableProcessors() {
            return Runtime.getRuntime().availableProcessors();
        }
        public Builder encoding(Charset value) { encoding = value; return this; }
        public Builder embeddedBinaries(IntFunction<Path> value) { embeddedBinaries = value; return this; }
        public Builder postgresVersion(Integer value) { postgresVersion = PostgresVersion.check(value); return this; }
        public Builder cacheDirectory(Path value) { cacheDirectory = value; return this; }
        public Builder gate(GateOptions value) { gate = value; return this; }
        public Builder reportsDirectory(Path value) { reportsDirectory = value; return this; }
        public Builder stepSummary(Path value) { stepSummary = value; return this; }
        public Builder reuseBaseline(Boolean value) { reuseBaseline = value; return this; }
        public Builder rollback(Boolean value) { rollback = value; return this; }
        public Builder requireRollback(boolean value) { requireRollback = value; return this; }

        public ProfilerConfig build() {
            return new ProfilerConfig(baseDir, changelog, sqlDirectory, searchPath, contexts, labels,
                    changelogParameters, flyway, skipCustomChanges, migrations, since, engine, jdbcUrl, credentials, serverSettings, roles, docker, seed, keepDatabase,
                    disabledRules, assumeLockTimeout, longMigration, cleanTiming, iterations, baseline, productionStats, productionRows, projectionSizes, traffic, gate, reportsDirectory, reuseBaseline, rollback, requireRollback, stepSummary, statementsShown, parallelism, encoding, embeddedBinaries, postgresVersion, cacheDirectory, outputDirectory);
        }
    }
}
