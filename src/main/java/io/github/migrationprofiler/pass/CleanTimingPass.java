package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.catalog.Settings;
import io.github.migrationprofiler.result.Iterations;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clean timing pass. Observing a migration slows it down (a lock poller competes for the CPU,
 * probes run between its statements), so the runtime users act on comes from here: the reviewed
 * migration runs on the {@link Follower}, the state before it, with nothing else going on, timed
 * as {@code psql \timing} would time it: its statements and its commits. With several
 * iterations, each but the last runs on a fresh copy of the follower, the last on the follower
 * itself, which so moves on past the migration.
 */
public final class CleanTimingPass {

    /** What makes a commit durable; production runs with all of them on, and the results say how they were here. */
    private static final List<String> DURABILITY = List.of("fsync", "full_page_writes", "synchronous_commit");

    /**
     * A reviewed migration's clean runtime.
     *
     * @param millis     median of the runs' totals (statements and commits)
     * @param iterations the spread over the runs, {@code null} for one run
     * @param statements each statement's median, in order
     * @param statementIterations each statement's spread, {@code null} for one run
     * @param rows       each statement's update count in the last run, to check the follower's state against
     * @param before     the relations before the last run (their rows, for projections); {@code null} when not read
     * @param sizes      the runs at every measured size, the full one included, smallest first (empty without projections)
     */
    public record Clean(double millis, Iterations iterations, double[] statements, Iterations[] statementIterations, long[] rows,
                        Relations before, List<ScaledFollower.Timed> sizes) {

        /** This clean runtime with the runs at smaller sizes, and its own as the full size's. */
        public Clean atSizes(List<ScaledFollower.Timed> smaller) {
            if (before == null) {
                return this;
            }
            List<ScaledFollower.Timed> all = new ArrayList<>(smaller);
            all.add(new ScaledFollower.Timed(1, before, new Replay.Run(millis, statements, rows)));
            return new Clean(millis, iterations, statements, statementIterations, rows, before, all);
        }
    }

    private final int iterations;
    private final boolean readRelations;
    private final ProfilerLog log;
    private Map<String, String> settings = Map.of();

    /** @param readRelations read the relations before the run, for projections to know the full size's rows */
    public CleanTimingPass(int iterations, boolean readRelations, ProfilerLog log) {
        this.iterations = Math.max(1, iterations);
        this.readRelations = readRelations;
        this.log = log;
    }

    public int iterations() {
        return iterations;
    }

    /** {@code fsync}, {@code synchronous_commit}, {@code full_page_writes} as they were while migrations were timed. */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * Times a reviewed migration on the state before it, moving the follower on past it;
     * {@code null} when the follower cannot (it stops, saying why).
     */
    public Clean time(Follower follower, Observed observed) {
        if (!follower.following()) {
            return null;
        }
        try {
            Replay.check(observed.recording());
            List<Replay.Run> runs = new ArrayList<>();
            for (int i = 1; i < iterations; i++) {
                try (Databases.Database copy = follower.copy(); Connection c = copy.connect()) {
                    settled(c, follower, observed);
                    runs.add(Replay.run(c, observed.recording()));
                }
            }
            Connection connection = follower.connection();
            settled(connection, follower, observed);
            if (settings.isEmpty()) {
                settings = Settings.read(connection, DURABILITY);
            }
            Relations before = readRelations ? Relations.take(connection) : null;
            runs.add(Replay.run(connection, observed.recording()));
            return clean(runs, before);
        } catch (SQLException | RuntimeException e) {
            follower.stop("replaying " + observed.migration().label() + " failed: " + e.getMessage());
            return null;
        }
    }

    /** The session as the migration would have it, with nothing waiting to be written. */
    private void settled(Connection c, Follower follower, Observed observed) throws SQLException {
        MigrationSession.prepare(c, observed.searchPath(), follower.timeout());
        MigrationSession.settle(c, log);
    }

    private static Clean clean(List<Replay.Run> runs, Relations before) {
        Iterations total = Iterations.of(runs.stream().mapToDouble(Replay.Run::millis).toArray());
        int count = runs.get(0).statements().length;
        double[] statements = new double[count];
        Iterations[] spreads = new Iterations[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            spreads[i] = Iterations.of(runs.stream().mapToDouble(r -> r.statements()[index]).toArray());
            statements[i] = spreads[i].medianMillis();
        }
        boolean repeated = runs.size() > 1;
        return new Clean(total.medianMillis(), repeated ? total : null, statements, repeated ? spreads : null,
                runs.get(runs.size() - 1).rows(), before, List.of());
    }
}
