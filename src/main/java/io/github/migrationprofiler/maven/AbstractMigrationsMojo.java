package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.analysis.Gate;
import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.FailOn;
import io.github.migrationprofiler.config.GateOptions;
import io.github.migrationprofiler.config.Parameters;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.result.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import io.github.migrationprofiler.config.FlywayOptions;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the goals that apply the project's migrations (profile, seed), and their
 * translation into the core's {@link ProfilerConfig}.
 */
abstract class AbstractMigrationsMojo extends AbstractEngineMojo {

    /**
     * A {@code results.json} of an earlier run to compare the runtimes with, e.g. one saved as an
     * artifact from the main branch: the reports then show each migration's baseline and current
     * runtime, and whether it improved, regressed or stayed within the noise.
     */
    @Parameter(property = "migration-profiler.baseline")
    File baseline;

    /**
     * With {@code baseline}: fail the build when a migration's runtime regressed by more than this
     * many percent (beyond the noise). Unset: never fail on a regression.
     */
    @Parameter(property = "migration-profiler.failOnRegression")
    Double failOnRegression;

    /**
     * The Liquibase changelog to profile (XML, YAML, JSON or formatted SQL), relative to the
     * project directory. When unset, {@code sqlDirectory} is used; when that does not exist either,
     * the conventional {@code src/main/resources/db/changelog/db.changelog-master.*} is looked for.
     */
    @Parameter(property = "migration-profiler.changelog")
    File changelog;

    /** Directory of plain SQL migrations, applied in Flyway version order ({@code V1__x.sql}, {@code V1.1__y.sql}, …). */
    @Parameter(property = "migration-profiler.sqlDirectory", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    File sqlDirectory;

    /**
     * Directories that Liquibase resolves changelog paths (includes, {@code includeAll}) against.
     * Defaults to the project's resource directories, then the project directory.
     */
    @Parameter
    List<File> searchPath;

    /** Liquibase contexts to run, e.g. {@code !test}. */
    @Parameter(property = "migration-profiler.contexts")
    String contexts;

    /** Liquibase label filter, e.g. {@code release-42}. */
    @Parameter(property = "migration-profiler.labels")
    String labels;

    /** Liquibase changelog parameters, as {@code <changelogParameters><schema>app</schema></changelogParameters>}. */
    @Parameter
    Map<String, String> changelogParameters;

    /**
     * Liquibase custom changes to run as no-ops, by class ({@code org.keycloak.migration.CustomChange},
     * a glob {@code org.keycloak.*}) or changeset ({@code id}, {@code author:id}): those that need the
     * application's runtime. A changeset made only of them is listed as skipped; everything else is profiled.
     */
    @Parameter(property = "migration-profiler.skipCustomChanges")
    List<String> skipCustomChanges;

    /**
     * Flyway settings, by Flyway's own names: {@code <flyway><locations>db/migration,db/postgresql</locations>
     * <placeholders.owner>app</placeholders.owner><postgresql.transactional.lock>false</postgresql.transactional.lock></flyway>}.
     * Only needed when the project keeps none where Flyway users keep them: the flyway-maven-plugin
     * in this pom, {@code flyway.conf}, {@code flyway.toml}, Spring Boot's {@code spring.flyway.*}.
     */
    @Parameter
    Map<String, String> flyway;

    /** Spring Boot profiles whose {@code application-<profile>.properties}/{@code .yml} are read for {@code spring.flyway.*}. */
    @Parameter(property = "migration-profiler.springProfiles")
    List<String> springProfiles;

    /**
     * The migrations under review: changeset ids, {@code author:id}, SQL file names or globs
     * ({@code V12__*}). Everything ordered before the first selected migration is applied first as
     * the baseline. Empty: every migration is under review.
     */
    @Parameter(property = "migration-profiler.migrations")
    List<String> migrations;

    /**
     * Scale of the synthetic data the migrations meet: {@code small} (10K rows in the tables no
     * other table references), {@code medium} (100K), {@code large} (500K), a number of rows, or
     * {@code 0} for empty tables. Referenced tables get proportionally fewer rows. Unset: the
     * environment variable {@code SEED_SCALE}, else {@code medium}.
     */
    @Parameter(property = "seed.scale")
    String seedScale;

    /** Seed of the data generator: the same number gives the same data. */
    @Parameter(property = "seed.random", defaultValue = "42")
    long seedRandom;

    /** Share of NULLs in nullable columns. */
    @Parameter(property = "seed.nullFraction", defaultValue = "0.1")
    double seedNullFraction;

    /**
     * Rows for particular tables, overriding the scale: {@code <rowCounts><users>50000</users>
     * <audit_log>0</audit_log></rowCounts>} (0 leaves a table empty). Name a table as PostgreSQL
     * does, without quotes: {@code <PROJECT>} for {@code "PROJECT"}, {@code <billing.invoices>} in
     * another schema. Names that are no XML element name go into {@code seed.rowCounts}.
     */
    @Parameter
    Map<String, String> rowCounts;

    /**
     * Rows per table as {@code table=rows} pairs separated by commas, for the command line and for
     * table names XML cannot spell: {@code -Dseed.rowCounts="audit_log=0,Order Lines=500"}. Adds to {@code rowCounts}.
     */
    @Parameter(property = "seed.rowCounts")
    String rowCountList;

    /**
     * A sample document per JSON column, by {@code column} or {@code table.column}: its keys, the
     * kinds of their values and the values themselves join the keys the schema and the migrations
     * read, e.g. an element orders.payload holding {"region": "eu", "express": true}.
     */
    @Parameter
    Map<String, String> jsonSamples;

    /**
     * A regular expression per text column, by {@code column} or {@code table.column}, that its
     * generated values match, for formats that code parses (a custom change, a trigger), e.g. an
     * element api_key holding odt_[A-Za-z0-9]{32}. Classes, groups, alternation and quantifiers are
     * supported.
     */
    @Parameter
    Map<String, String> valuePatterns;

    /**
     * Analysis rules not to apply, by id (see docs/rules.md), e.g.
     * {@code <disabledRules><rule>foreign-key-without-index</rule></disabledRules>}. One migration
     * can silence a rule with a comment: {@code -- migration-profiler:ignore RULE_ID}.
     */
    @Parameter(property = "migration-profiler.disabledRules")
    List<String> disabledRules;

    /**
     * Your migration runner sets {@code lock_timeout} for every migration (e.g. in its connection
     * settings), so the {@code missing-lock-timeout} rule does not apply.
     */
    @Parameter(property = "migration-profiler.assumeLockTimeout", defaultValue = "false")
    boolean assumeLockTimeout;

    /** A migration running this long gets a {@code long-migration} finding: {@code 5m}, {@code 90s}. */
    @Parameter(property = "migration-profiler.longMigration", defaultValue = "5m")
    String longMigration;

    /**
     * Time each reviewed migration in a pass of its own: a second database follows the profiled
     * one, and there the migration runs again on the same state with nothing watching it, timed as
     * {@code psql \timing} would time it (statements and commits). The instrumented pass, which
     * reads locks and catalogs around every statement, is slower; {@code false} reports its times.
     */
    @Parameter(property = "migration-profiler.cleanTiming", defaultValue = "true")
    boolean cleanTiming;

    /**
     * How many clean runs each reviewed migration gets, each on a fresh copy of the database as it
     * was before the migration; the reported runtime is their median, and the reports show mean,
     * median, standard deviation, minimum and maximum.
     */
    @Parameter(property = "migration-profiler.iterations", defaultValue = "1")
    int iterations;

    /**
     * Production's statistics, as the {@code stats} goal writes them (a file the team commits).
     * When it exists, seeding follows production's table proportions and column shapes, and a
     * server the run starts gets production's settings, within this machine's means.
     */
    @Parameter(property = "migration-profiler.productionStats",
            defaultValue = "${basedir}/src/main/migration-profiler/production-stats.json")
    File productionStats;

    /**
     * Production's rows per table, to project each reviewed migration's runtime and lock hold to:
     * {@code <productionRows><wishlist_items>40000000</wishlist_items></productionRows>}, named as
     * in {@code rowCounts}. Wins over the production statistics file's counts; with neither, nothing
     * is projected. See docs/projection.md.
     */
    @Parameter
    Map<String, String> productionRows;

    /**
     * The sizes each reviewed migration is measured at besides the seeded scale, as fractions of
     * it, to see how its runtime grows: {@code 0.25,0.5} measures at a quarter, half and the full
     * size. Each size is a database of its own, seeded once and following the migrations. Used
     * only when production row counts are known; {@code none} measures the full size only.
     */
    @Parameter(property = "migration-profiler.projectionSizes", defaultValue = "0.25,0.5")
    String projectionSizes;

    /**
     * Run each reviewed migration once more against concurrent queries on the tables it locks
     * (reads by key, updates, inserts) and measure what they suffer: how many waited, how long,
     * latency against a warm-up, the lock queue behind a long-running query. Needs seeding and
     * {@code cleanTiming}. See docs/traffic.md.
     */
    @Parameter(property = "migration-profiler.traffic", defaultValue = "true")
    boolean traffic;

    /** Client connections of the traffic pass, spread over the tables the migration locks. */
    @Parameter(property = "migration-profiler.trafficClients", defaultValue = "4")
    int trafficClients;

    /** Queries per second each traffic client sends. */
    @Parameter(property = "migration-profiler.trafficRate", defaultValue = "50")
    int trafficRate;

    /**
     * How long a reader already holds a transaction open on the table when the migration starts,
     * as a report query or an idle-in-transaction session does; {@code 0} for none.
     */
    @Parameter(property = "migration-profiler.trafficLongQuery", defaultValue = "1s")
    String trafficLongQuery;

    /**
     * The traffic pass runs for a migration that holds a lock blocking reads or writes at least
     * this long (or sets a lock_timeout shorter than the reader): a briefer hold makes queries wait
     * for milliseconds. {@code 0} runs it for every migration that
     * blocks traffic. Not applied where runtimes are projected to production's rows.
     */
    @Parameter(property = "migration-profiler.trafficMinHold", defaultValue = "100ms")
    String trafficMinHold;

    /**
     * The application's own queries for the traffic pass, instead of the generated reads, updates
     * and inserts by key: a SQL file of statements separated by semicolons, each with one
     * {@code :key(table)} where an existing primary key goes, e.g.
     * {@code SELECT * FROM orders WHERE id = :key(orders);}.
     */
    @Parameter(property = "migration-profiler.trafficQueries")
    File trafficQueries;

    /** A traffic query waiting this long on the migration's locks makes the migration a warning. */
    @Parameter(property = "migration-profiler.trafficWarn", defaultValue = "2s")
    String trafficWarn;

    /** A traffic query waiting this long on the migration's locks makes the migration critical. */
    @Parameter(property = "migration-profiler.trafficCritical", defaultValue = "30s")
    String trafficCritical;

    /**
     * Review only what changed since this git ref, e.g. {@code origin/main}: the SQL files added or
     * changed since the point where the current branch left it (committed or not), and the
     * changesets whose lines changed in changed changelog files. Everything before them is the
     * baseline. Combines with {@code migrations}: a migration must satisfy both.
     */
    @Parameter(property = "migration-profiler.since")
    String since;

    /**
     * SMALL migrations (add a column, an enum value, a default) running this long are a warning.
     * Durations are written like {@code 250ms}, {@code 30s} or {@code 5m}.
     */
    @Parameter(property = "migration-profiler.warnSmall", defaultValue = "30s")
    String warnSmall;

    /** MEDIUM migrations (index builds, constraint validations, NOT NULL scans, data changes) running this long are a warning. */
    @Parameter(property = "migration-profiler.warnMedium", defaultValue = "5m")
    String warnMedium;

    /** LARGE migrations (rewrites, drops, full-table data changes) running this long are a warning. */
    @Parameter(property = "migration-profiler.warnLarge", defaultValue = "5m")
    String warnLarge;

    /** Any migration running this long is critical. */
    @Parameter(property = "migration-profiler.critical", defaultValue = "10m")
    String critical;

    /** All reviewed migrations together running this long is critical; unset: no limit. */
    @Parameter(property = "migration-profiler.totalCritical")
    String totalCritical;

    /**
     * Applied as {@code statement_timeout} to the migrations: a statement running longer is cancelled,
     * and its migration is critical. The default, 15 minutes, is past what a deployment step should
     * wait for a migration (and the most a serverless function such as AWS Lambda may run).
     */
    @Parameter(property = "migration-profiler.timeout", defaultValue = "15m")
    String timeout;

    /**
     * Which verdicts fail the build: {@code critical} (over the critical lines, or cancelled by the
     * timeout), {@code error} (also migrations with a finding of severity error), {@code warning}
     * (every migration that is not OK), or {@code none}. SQL errors always fail it.
     */
    @Parameter(property = "migration-profiler.failOn", defaultValue = "critical")
    String failOn;

    /**
     * Keep the seeded baseline (the migrations before the first reviewed one) as a template database
     * and copy it in later runs; any change to what it holds makes a new one. Unset: on in the
     * embedded engine's cache and the Docker engine's data volume when runtimes are not projected; {@code true}: also on an existing
     * server ({@code jdbcUrl}), as {@code test_migration_tpl_<fingerprint>}; {@code false}: never.
     */
    @Parameter(property = "migration-profiler.reuseBaseline")
    Boolean reuseBaseline;

    /** Where the Surefire-style XML report is written, for CI servers' test views. */
    @Parameter(property = "migration-profiler.reportsDirectory", defaultValue = "${project.build.directory}/migration-profiler-reports")
    File reportsDirectory;

    /**
     * How many statements of each migration the reports list in detail: those that failed or did
     * work the server reports (rewrites, scans, index builds), then the slowest. The rest are summed
     * per migration. {@code 0} lists them all.
     */
    @Parameter(property = "migration-profiler.statementsShown", defaultValue = "100")
    int statementsShown;

    /**
     * How many untimed passes on separate databases run side by side (the projection sizes'
     * seeding and replays); timed runs always run alone. Default: the available processors.
     */
    @Parameter(property = "migration-profiler.parallelism")
    Integer parallelism;

    /**
     * The encoding of SQL files and changelogs, as Flyway's {@code encoding} and Liquibase's reader
     * would be set. A byte sequence that is not valid in it fails the run with the file and line.
     */
    @Parameter(property = "migration-profiler.encoding", defaultValue = "${project.build.sourceEncoding}")
    String encoding;

    /** Where results are written. */
    @Parameter(property = "migration-profiler.outputDirectory", defaultValue = "${project.build.directory}/migration-profiler")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The run's configuration from the parameters; a value that cannot be read fails with the parameter's name. */
    ProfilerConfig config() throws MojoExecutionException {
        Path baseDir = project.getBasedir().toPath();
        String scale = seedScale != null && !seedScale.isBlank() ? seedScale : System.getenv("SEED_SCALE");
        FailOn.parse(failOn); // a typo fails before the run, not after it
        return ProfilerConfig.builder(baseDir)
                .changelog(changelog == null ? null : changelog.toPath())
                .sqlDirectory(sqlDirectory.toPath())
                .searchPath(searchPath != null ? searchPath.stream().map(File::toPath).toList() : ProjectPaths.searchPath(project))
                .contexts(contexts)
                .labels(labels)
                .changelogParameters(changelogParameters == null ? Map.of() : changelogParameters)
                .skipCustomChanges(skipCustomChanges == null ? List.of() : skipCustomChanges)
                .flyway(new FlywayOptions(flyway == null ? Map.of() : flyway, FlywayMavenPlugin.settings(project),
                        springProfiles == null ? List.of() : springProfiles, ProjectPaths.runtimeClasspath(project)))
                .migrations(migrations == null ? List.of() : migrations)
                .since(since)
                .engine(EngineKind.parse(engine))
                .jdbcUrl(jdbcUrl)
                .credentials(credentials())
                .serverSettings(serverSettings == null ? Map.of() : serverSettings).roles(roles == null ? List.of() : roles)
                .docker(dockerOptions())
                .embeddedBinaries(embeddedBinaries()).postgresVersion(postgresVersion)
                .cacheDirectory(cacheDirectory())
                .seed(SeedOptions.parse(scale, seedRandom, seedNullFraction,
                                Parameters.rowCounts(rowCounts == null ? Map.of() : rowCounts, rowCountList))
                        .withSamples(jsonSamples == null ? Map.of() : jsonSamples, valuePatterns == null ? Map.of() : valuePatterns))
                .disabledRules(disabledRules == null ? List.of() : disabledRules)
                .assumeLockTimeout(assumeLockTimeout)
                .longMigration(Durations.parse("longMigration", longMigration))
                .cleanTiming(cleanTiming)
                .iterations(iterations)
                .baseline(baseline == null ? null : baseline.toPath())
                .productionStats(productionStats == null ? null : productionStats.toPath())
                .productionRows(Parameters.counts("productionRows", productionRows == null ? Map.of() : productionRows))
                .projectionSizes(Parameters.fractions(projectionSizes))
                .traffic(TrafficOptions.parse(traffic, trafficClients, trafficRate, trafficLongQuery, trafficMinHold,
                        trafficQueries == null ? null : trafficQueries.toPath()))
                .gate(GateOptions.parse(warnSmall, warnMedium, warnLarge, critical, totalCritical, timeout,
                        trafficWarn, trafficCritical))
                .reportsDirectory(reportsDirectory.toPath())
                .reuseBaseline(reuseBaseline)
                .stepSummary(Parameters.stepSummary())
                .statementsShown(statementsShown)
                .parallelism(parallelism)
                .encoding(Parameters.charset("encoding", encoding))
                .outputDirectory(outputDirectory.toPath())
                .build();
    }

    /** The build's verdict on a run: its warnings and failures, as the failOn… parameters say. */
    Gate.Outcome outcome(RunResult result) {
        return Gate.outcome(result, FailOn.parse(failOn), failOnRegression);
    }
}
