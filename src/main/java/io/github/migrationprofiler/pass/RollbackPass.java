package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.ForeignKeyGaps;
import io.github.migrationprofiler.catalog.SchemaDefinition;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.Undo;
import io.github.migrationprofiler.stats.ProductionRows;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rollback pass: a reviewed migration's undo, as the project would run it in production
 * (Liquibase's rollback, Flyway's undo file, a {@code .down.sql}), on a copy of the state just
 * after the migration, which the follower holds once the clean timing pass has moved it past the
 * migration. The schema after the undo is compared with the one before the migration, the tables
 * and columns it drops are counted on the follower, and the migration is then applied again on the
 * same copy, as Liquibase's update-testing-rollback does.
 */
public final class RollbackPass {

    private final MigrationSource source;
    private final Judgement judgement;
    private final ForeignKeyGaps foreignKeys;
    private final TrafficPass traffic;
    private final ProjectionSizes sizes;
    private final ProductionRows production;
    private final ProfilerLog log;

    /**
     * @param judgement  judges the undo as a migration: its kind and the rules' findings
     * @param traffic    measures what the undo does to concurrent traffic, as for a migration; {@code null}: not measured
     * @param sizes      the smaller sizes the undo is timed at for its projection; {@code null}: not projected
     * @param production production's row counts, to project to
     */
    public RollbackPass(MigrationSource source, Judgement judgement, ForeignKeyGaps foreignKeys, TrafficPass traffic,
                        ProjectionSizes sizes, ProductionRows production, ProfilerLog log) {
        this.source = source;
        this.judgement = judgement;
        this.foreignKeys = foreignKeys;
        this.traffic = traffic;
        this.sizes = sizes;
        this.production = production;
        this.log = log;
    }

    /**
     * The schema before {@code migration}, or why it could not be read; read on the follower before
     * it moves on, and only when the migration has an undo to compare it with.
     */
    public record Before(SchemaDefinition schema, String unreadable) {

        static final Before NOT_NEEDED = new Before(null, null);
    }

    /** How the pass went: the rollback, or (when {@code rollback} is {@code null}) why the pass could not run it. */
    public record Outcome(Rollback rollback, String notRun) {
    }

    public Before before(Follower follower, Migration migration) {
        if (!follower.following() || source.undo(migration).how() == null) {
            return Before.NOT_NEEDED;
        }
        try {
            return new Before(SchemaDefinition.read(follower.connection()), null);
        } catch (SQLException e) {
            return new Before(null, e.getMessage());
        }
    }

    /**
     * The undo of the migration {@code observed} saw, on a copy of the follower (now just after it),
     * watched and judged as a migration.
     */
    public Outcome run(Follower follower, Observed observed, Before before) {
        Undo undo = source.undo(observed.migration());
        if (undo.how() == null) {
            return new Outcome(Rollback.notReversible(undo.whyNot()), null);
        }
        if (before.schema() == null) {
            return new Outcome(null, "The rollback pass did not run: the schema before the migration could not be read ("
                    + before.unreadable() + ")");
        }
        if (!follower.following()) {
            return new Outcome(null, "The rollback pass did not run: the copy of the state after the migration ended ("
                    + follower.stopped() + ")");
        }
        try {
            return new Outcome(undo(follower, observed, undo, before.schema()), null);
        } catch (SQLException e) {
            return new Outcome(null, "The rollback pass did not run to its end: " + e.getMessage());
        }
    }

    private Rollback undo(Follower follower, Observed observed, Undo undo, SchemaDefinition before) throws SQLException {
        try (Databases.Database copy = follower.copy(); Connection c = copy.connect()) {
            MigrationSession.prepare(c, observed.searchPath(), follower.timeout());
            SchemaDefinition migrated = SchemaDefinition.read(c);
            Observed undone;
            try {
                undone = new UndoRun(observed.migration(), undo).run(c, copy.connect(), foreignKeys);
            } catch (Undo.NotReversible e) {
                return Rollback.notReversible(e.getMessage());
            }
            TrafficPass.Measured measured = traffic == null || undone.status() != Status.PASSED ? TrafficPass.Measured.NONE
                    : traffic.run(follower, undone);
            MigrationResult judged = judgement.judge(undone, measured == TrafficPass.Measured.NONE ? null
                    : new Judgement.Replayed(null, null, measured.traffic(), measured.error(), measured.deadlock(), measured.notRun(), null));
            List<LockHeld> locks = judged.statements().stream().flatMap(s -> s.locks().stream()).toList();
            List<Finding> findings = undoFindings(judged.findings(), migrated.tablesAddedSince(before));
            if (undone.status() != Status.PASSED) {
                return new Rollback(Rollback.Status.FAILED, undo.how(), null, null, List.of(), List.of(), "the undo failed: "
                        + (undone.error() == null ? "interrupted" : undone.error().message()), undone.error(), null, null, List.of(), locks,
                        null, null, null);
            }
            SchemaDefinition restored = SchemaDefinition.read(c);
            List<String> differences = restored.differencesFrom(before);
            List<String> lost = held(follower.connection(), migrated.droppedIn(restored));
            ScaledFollower.Timed clean = clean(follower, undone);
            return new Rollback(differences.isEmpty() ? Rollback.Status.REVERSED : Rollback.Status.INCOMPLETE, undo.how(),
                    clean.run().millis(), differences.isEmpty(), differences, lost, null, null, reapply(c, observed), judged.kind(),
                    findings, locks, judged.traffic(), measured.notRun(), projection(clean, undone, judged));
        }
    }

    /**
     * The undo's findings that matter for a rollback. The code is rolled back first, so what the
     * migration made is nobody's traffic again: a table it created is judged as the forward rules
     * judge a table a migration creates (not at all), and dropping or renaming back what it made
     * breaks no running code.
     */
    private static List<Finding> undoFindings(List<Finding> findings, Set<String> madeByMigration) {
        return findings.stream().filter(f -> f.rule() != RuleId.BREAKING_CHANGE)
                .filter(f -> f.subjects().isEmpty() || !madeByMigration.containsAll(f.subjects())).toList();
    }

    /** The undo run once more, unwatched, on another copy of the state after the migration: its runtime, as a migration's. */
    private ScaledFollower.Timed clean(Follower follower, Observed undone) throws SQLException {
        try (Databases.Database copy = follower.copy(); Connection c = copy.connect()) {
            return ScaledFollower.timed(1, c, undone, follower.timeout(), log);
        }
    }

    /**
     * The undo's runtime at production's rows, as a migration's is projected: its clean run at full
     * size and one at each smaller size, on a copy of the state there; {@code null} where the run
     * does not project.
     */
    private Projection projection(ScaledFollower.Timed fullSize, Observed undone, MigrationResult judged) {
        if (sizes == null || sizes.fractions().isEmpty()) {
            return null;
        }
        List<ScaledFollower.Timed> timed = new ArrayList<>(sizes.timeOnCopies(undone));
        timed.add(fullSize);
        Projections.Projected projected = Projections.project(judged.statements(), timed, production, null);
        return projected == null ? null : projected.migration();
    }

    /** The migration applied again after its undo; {@code null} when that works, else why it did not. */
    private static String reapply(Connection c, Observed observed) {
        try {
            Replay.check(observed.recording());
            Replay.run(c, observed.recording(), false);
            return null;
        } catch (SQLException e) {
            return "applying it again after its rollback failed: " + e.getMessage();
        }
    }

    /**
     * What each dropped table or column held on the follower (the state the undo ran on): "table
     * public.wishlist: 10,000 rows", "column public.orders.coupon: 9,412 values". Empty ones are left out.
     */
    private static List<String> held(Connection follower, List<String> dropped) throws SQLException {
        List<String> lost = new ArrayList<>();
        try (Statement s = follower.createStatement()) {
            for (String object : dropped) {
                boolean table = object.startsWith("table ");
                String name = object.substring(object.indexOf(' ') + 1);
                String relation = table ? name : name.substring(0, name.lastIndexOf('.'));
                String count = table ? "count(*)" : "count(" + name.substring(name.lastIndexOf('.') + 1) + ")";
                try (ResultSet rs = s.executeQuery("SELECT " + count + " FROM " + relation)) {
                    long rows = rs.next() ? rs.getLong(1) : 0;
                    if (rows > 0) {
                        lost.add(object + ": " + String.format(Locale.ROOT, "%,d", rows) + (table ? " rows" : " values"));
                    }
                }
            }
        }
        return lost;
    }
}
