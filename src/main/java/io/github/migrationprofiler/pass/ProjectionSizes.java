package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The projection sizes: followers at fractions of the seeded scale ({@link ScaledFollower}),
 * each seeded by a seeder of its own, following every migration; each reviewed migration is timed
 * on each of them, so its runtime is known at several sizes and can be projected to production's
 * rows. A size that fails is dropped with a warning; the others go on.
 */
public final class ProjectionSizes implements AutoCloseable {

    private final List<ScaledFollower> sizes = new ArrayList<>();
    private final ProfilerLog log;
    private long droppedNanos;

    /**
     * @param fractions the fractions of the seeded scale, smallest first
     * @param seeders   a seeder for a fraction, writing through the connector given
     * @param timeout   the statement_timeout the migrations run under
     */
    public ProjectionSizes(Databases databases, List<Double> fractions, BiFunction<Double, DataSeeder.Connector, Seeder> seeders,
                           Duration timeout, ProfilerLog log) {
        this.log = log;
        for (double fraction : fractions) {
            Databases.Database database = null;
            try {
                database = databases.create(null);
                Databases.Database created = database;
                sizes.add(new ScaledFollower(fraction, database, seeders.apply(fraction, created::connect), timeout, log));
            } catch (SQLException | RuntimeException e) {
                if (database != null) {
                    database.close();
                }
                log.warn("Projection: the size at " + fraction + " of the scale could not be set up (" + e.getMessage()
                        + "); projecting from the others");
            }
        }
    }

    /** The fractions of the scale measured besides the full size, smallest first. */
    public List<Double> fractions() {
        return sizes.stream().map(ScaledFollower::fraction).toList();
    }

    /** Every size a reviewed migration is measured at, as fractions of the scale: the smaller ones and the full size. */
    public List<Double> withFullSize() {
        List<Double> sizes = new ArrayList<>(fractions());
        sizes.add(1.0);
        return sizes;
    }

    /** Milliseconds the smaller sizes cost (seeding and replaying), for the log. */
    public double millis() {
        return Replay.millis(droppedNanos + sizes.stream().mapToLong(ScaledFollower::nanos).sum());
    }

    /** Seeds the tables {@code applied} left empty, at each size. */
    public void seed(Migration applied) {
        each("seeding failed", size -> size.seed(applied));
    }

    /** Applies, untimed, a migration that is not under review, at each size. */
    public void follow(Observed observed) {
        each("replaying " + observed.migration().label() + " failed", size -> size.follow(observed));
    }

    /** Times a reviewed migration once at each size, smallest first. */
    public List<ScaledFollower.Timed> time(Observed observed) {
        List<ScaledFollower.Timed> timed = new ArrayList<>();
        each("replaying " + observed.migration().label() + " failed", size -> timed.add(size.time(observed)));
        return timed;
    }

    private interface SizeWork {
        void run(ScaledFollower size) throws SQLException;
    }

    private void each(String failure, SizeWork work) {
        for (ScaledFollower size : List.copyOf(sizes)) {
            try {
                work.run(size);
            } catch (SQLException | RuntimeException e) {
                drop(size, failure + ": " + e.getMessage());
            }
        }
    }

    private void drop(ScaledFollower size, String why) {
        log.warn("Projection: the size at " + size.fraction() + " of the scale stopped following (" + why + "); projecting from the others");
        sizes.remove(size);
        droppedNanos += size.nanos();
        size.close();
    }

    /** Ends every size: the full-size follower stopped, and projections with it. */
    @Override
    public void close() {
        sizes.forEach(ScaledFollower::close);
        droppedNanos += sizes.stream().mapToLong(ScaledFollower::nanos).sum();
        sizes.clear();
    }
}
