package io.github.migrationprofiler.run;

import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.pass.CleanTimingPass;
import io.github.migrationprofiler.pass.Databases;
import io.github.migrationprofiler.pass.Follower;
import io.github.migrationprofiler.pass.Judgement;
import io.github.migrationprofiler.pass.ProjectionSizes;
import io.github.migrationprofiler.pass.RollbackPass;
import io.github.migrationprofiler.pass.TrafficPass;
import io.github.migrationprofiler.pass.traffic.Workload;
import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.support.Cleanup;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Which passes run on the state before each reviewed migration, as the configuration asks and the
 * run allows: clean timing (on a follower), projection sizes, traffic. Says once why a pass does
 * not run, and what the passes cost.
 */
final class Passes {

    /** Fewer sizes than this cannot check a model against the points. */
    private static final int MIN_SIZES = 3;

    private final ProfilerConfig config;
    private final RunInputs inputs;
    private final PostgresServer server;
    private final String template;
    private final FinalSchema schema;
    private final Cleanup cleanup;
    private final ProfilerLog log;
    private String unprojected;
    private TrafficPass traffic;
    private ProjectionSizes sizes;

    /** @param template the baseline template new databases copy, or {@code null} for empty ones */
    Passes(RunInputs inputs, PostgresServer server, String template, FinalSchema schema, Cleanup cleanup, ProfilerLog log) {
        this.config = inputs.config();
        this.inputs = inputs;
        this.server = server;
        this.template = template;
        this.schema = schema;
        this.cleanup = cleanup;
        this.log = log;
    }

    /** The passes on the follower; none without clean timing. @param profiled opens a connection to the instrumented database */
    MigrationStages.Replays replays(Callable<Connection> profiled) {
        Follower follower = config.cleanTiming() ? cleanup.add(new Follower(databases(), profiled, config.gate().timeout(), log)) : null;
        sizes = projectionSizes();
        if (config.traffic().enabled() && config.seed().enabled()) {
            if (follower != null) {
                // brief holds are skipped only where runtimes are not projected: projected, one may be long
                Duration minHold = config.traffic().minHold();
                traffic = new TrafficPass(new Workload(config.traffic(), log), sizes == null && !minHold.isZero() ? minHold : null,
                        config.traffic().longQuery(), log);
            } else {
                log.info("No traffic pass: it runs on copies of the clean pass's follower (cleanTiming=false)");
            }
        }
        if (follower == null) {
            return MigrationStages.Replays.NONE;
        }
        return new MigrationStages.Replays(follower, new CleanTimingPass(config.iterations(), sizes != null, log), sizes, traffic,
                rollbackPass());
    }

    /**
     * The rollback pass, when asked for; unasked, when the run reviews a selection or a short
     * history: each reviewed migration costs a copy of the database, too many for a whole long history.
     */
    private RollbackPass rollbackPass() {
        if (Boolean.FALSE.equals(config.rollback())) {
            return null;
        }
        List<Migration> all = inputs.source().migrations();
        int first = 0;
        while (first < all.size() && !inputs.selection().includes(all.get(first))) {
            first++;
        }
        int reviewed = all.size() - first;
        if (config.rollback() == null && inputs.selection().isAll() && reviewed > ProfilerConfig.ROLLBACK_ALL_UP_TO) {
            log.info("No rollback pass: " + reviewed + " migrations are under review, each would need a copy of the database "
                    + "(select the ones a change adds with migration-profiler.since, or set migration-profiler.rollback=true)");
            return null;
        }
        return new RollbackPass(inputs.source(), new Judgement(inputs.analyzer(), inputs.source(), inputs.productionRows()),
                new ForeignKeyGaps(), traffic, sizes, inputs.productionRows(), log);
    }

    /**
     * Followers at smaller sizes to project from, when production's counts are known and nothing
     * rules them out; else says once why runtimes are not projected.
     */
    private ProjectionSizes projectionSizes() {
        String why = inputs.whyNotProjected();
        if (why == null && template != null) {
            why = "the reused baseline template holds the full size only (reuseBaseline)";
        }
        if (why != null) {
            notProjected(why);
            return null;
        }
        // the smaller sizes seed by the same plan: their gaps are the full size's, already warned of
        ProfilerLog quiet = log.debugOnly();
        ProjectionSizes sized = cleanup.add(new ProjectionSizes(databases(), config.projectionSizes(), (fraction, connector) ->
                cleanup.add(new DataSeeder(connector, config.seed().scaled(fraction), schema.scaled(fraction), inputs.production(), quiet)),
                config.gate().timeout(), config.parallelism(), log));
        if (sized.fractions().size() + 1 < MIN_SIZES) {
            notProjected("fewer than " + MIN_SIZES + " sizes to measure at");
        } else {
            log.info("Projecting to production's rows (" + inputs.productionRows().describe() + "); each reviewed migration is "
                    + "measured at " + MigrationStages.percentages(sized.withFullSize()) + " of the scale");
        }
        return sized;
    }

    /** Says once, in the log and the reports, why runtimes are not projected to production. */
    private void notProjected(String why) {
        unprojected = "not projected to production: " + why;
        log.info("Runtimes are " + unprojected);
    }

    /** Why runtimes are not projected, in words; {@code null} when they are or nobody asked. */
    String unprojected() {
        return unprojected;
    }

    /** What the traffic pass and the projections cost, for the log. */
    void logCosts(MigrationStages stages) {
        if (traffic != null && traffic.cost() != null) {
            log.info("Traffic pass: " + traffic.cost() + " (turn it off with -Dmigration-profiler.traffic=false)");
        }
        if (traffic != null && traffic.leftOut() != null) {
            log.info("Traffic pass not run: " + traffic.leftOut());
        }
        if (sizes != null && !stages.sizes().isEmpty()) {
            double probes = stages.probesMillis();
            log.info(String.format(Locale.ROOT, "Projection: the smaller sizes cost %.1f s (seeding and replaying the migrations)%s",
                    sizes.millis() / 1000, probes == 0 ? ""
                            : String.format(Locale.ROOT, ", measuring hash joins for foreign keys %.1f s", probes / 1000)));
        }
    }

    /** Databases for the passes beside the instrumented one: new ones start as the scratch database did (empty, or the template's copy). */
    private Databases databases() {
        return from -> {
            ScratchDatabase copy = cleanup.add(ScratchDatabase.create(server, log.quieter(), from == null ? template : from));
            return new Databases.Database() {
                @Override public String name() { return copy.name(); }
                @Override public Connection connect() throws SQLException { return copy.connect(); }
                @Override public void close() { copy.close(); }
            };
        };
    }
}
