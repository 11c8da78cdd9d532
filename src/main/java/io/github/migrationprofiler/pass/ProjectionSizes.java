package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.Seeder;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * The projection sizes: followers at fractions of the seeded scale ({@link ScaledFollower}),
 * each seeded by a seeder of its own, following every migration; each reviewed migration is timed
 * on each of them, so its runtime is known at several sizes and can be projected to production's
 * rows. A size that fails is dropped with a warning; the others go on. The sizes are seeded and
 * follow migrations side by side, each on its own database, as far as {@code parallelism} allows;
 * they are timed one after another, as side by side they would slow each other down.
 */
public final class ProjectionSizes implements AutoCloseable {

    private final List<ScaledFollower> sizes = new ArrayList<>();
    private final ExecutorService sideBySide;
    private final ProfilerLog log;
    /** Wall-clock time the sizes took from the run, side by side or not. */
    private long nanos;

    /**
     * @param fractions   the fractions of the seeded scale, smallest first
     * @param seeders     a seeder for a fraction, writing through the connector given
     * @param timeout     the statement_timeout the migrations run under
     * @param parallelism how many sizes may be seeded or follow a migration at once
     */
    public ProjectionSizes(Databases databases, List<Double> fractions, BiFunction<Double, DataSeeder.Connector, Seeder> seeders,
                           Duration timeout, int parallelism, ProfilerLog log) {
        this.log = log;
        this.sideBySide = parallelism < 2 || fractions.size() < 2 ? null : Executors.newFixedThreadPool(
                Math.min(parallelism, fractions.size()), work -> {
                    Thread thread = new Thread(work, "migration-profiler-size");
                    thread.setDaemon(true); // never keeps the build alive
                    return thread;
                });
        for (double fraction : fractions) {
            Databases.Database database = null;
            try {
                database = databases.create(null);
                Databases.Database created = database;
                sizes.add(new ScaledFollower(fraction, databases, database, seeders.apply(fraction, created::connect), timeout, log));
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
        return Replay.millis(nanos);
    }

    /** Seeds the tables {@code applied} left empty, at each size, side by side. */
    public void seed(Migration applied) {
        sideBySide("seeding failed", size -> size.seed(applied));
    }

    /** Applies, untimed, a migration that is not under review, at each size, side by side. */
    public void follow(Observed observed) {
        sideBySide("replaying " + observed.migration().label() + " failed", size -> size.follow(observed));
    }

    /** Times a reviewed migration once at each size, smallest first, one after another. */
    public List<ScaledFollower.Timed> time(Observed observed) {
        long start = System.nanoTime();
        List<ScaledFollower.Timed> timed = new ArrayList<>();
        String failure = "replaying " + observed.migration().label() + " failed";
        for (ScaledFollower size : List.copyOf(sizes)) {
            dropOn(failure, size, thrown(size, s -> timed.add(s.time(observed))));
        }
        nanos += System.nanoTime() - start;
        return timed;
    }

    /**
     * Times {@code observed} once at each size on a copy of the state there, which stays as it is:
     * a migration's undo, for its projection. A size it fails at is left out, said in a warning
     * (the size itself stays).
     */
    public List<ScaledFollower.Timed> timeOnCopies(Observed observed) {
        long start = System.nanoTime();
        List<ScaledFollower.Timed> timed = new ArrayList<>();
        for (ScaledFollower size : List.copyOf(sizes)) {
            try {
                timed.add(size.timeOnCopy(observed));
            } catch (SQLException | RuntimeException e) {
                log.warn("Projection of " + observed.migration().label() + ": timing it at " + size.fraction() + " of the scale failed ("
                        + e.getMessage() + "); projecting from the other sizes");
            }
        }
        nanos += System.nanoTime() - start;
        return timed;
    }

    private interface SizeWork {
        void run(ScaledFollower size) throws SQLException;
    }

    /** Runs {@code work} on every size, side by side where the parallelism allows; a size it fails on is dropped. */
    private void sideBySide(String failure, SizeWork work) {
        long start = System.nanoTime();
        try {
            runSideBySide(failure, work);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private void runSideBySide(String failure, SizeWork work) {
        List<ScaledFollower> each = List.copyOf(sizes);
        if (sideBySide == null) {
            each.forEach(size -> dropOn(failure, size, thrown(size, work)));
            return;
        }
        List<Future<Exception>> running = each.stream().map(size -> sideBySide.submit(() -> thrown(size, work))).toList();
        for (int i = 0; i < each.size(); i++) {
            try {
                dropOn(failure, each.get(i), running.get(i).get());
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt(); // the run is being stopped: the sizes go with it
                return;
            } catch (ExecutionException e) {
                dropOn(failure, each.get(i), new IllegalStateException(e.getCause()));
            }
        }
    }

    /** What {@code work} threw on {@code size}, or {@code null}. */
    private static Exception thrown(ScaledFollower size, SizeWork work) {
        try {
            work.run(size);
            return null;
        } catch (SQLException | RuntimeException e) {
            return e;
        }
    }

    private void dropOn(String failure, ScaledFollower size, Exception e) {
        if (e != null) {
            drop(size, failure + ": " + e.getMessage());
        }
    }

    private void drop(ScaledFollower size, String why) {
        log.warn("Projection: the size at " + size.fraction() + " of the scale stopped following (" + why + "); projecting from the others");
        sizes.remove(size);
        size.close();
    }

    /** Ends every size: the full-size follower stopped, and projections with it. */
    @Override
    public void close() {
        if (sideBySide != null) {
            sideBySide.shutdownNow();
        }
        sizes.forEach(ScaledFollower::close);
        sizes.clear();
    }
}
