package io.github.migrationprofiler.result;

import java.util.List;

/**
 * A reviewed migration undone on a copy of the state just after it, as the project would undo it
 * in production, then applied again.
 *
 * @param status         how it went
 * @param how            what undid it ("U2__w.sql", "Liquibase's automatic rollback of addColumn"); {@code null} without an undo
 * @param millis         how long the undo ran, statements and commits, timed as the clean pass times a migration (unwatched,
 *                       on a copy of the state after it); {@code null} when it did not run
 * @param schemaRestored whether the schema after the undo is the schema before the migration; {@code null} when not compared
 * @param differences    how the schema after the undo departs from the one before the migration, one line per object
 * @param dataLost       tables and columns the undo dropped that held rows here, each with how many
 * @param error          why the undo failed, or why there is none ({@link Status#NOT_REVERSIBLE})
 * @param sqlError       the failing statement's error, when the server gave one
 * @param reapplied      {@code null} when applying the migration again after its undo succeeded; else why it failed
 * @param kind           the undo's kind, judged as a migration's; {@code null} when it did not run
 * @param findings       the rules' findings on the undo, as on a migration: a type changed back rewrites the table alike
 * @param locks          the locks the undo took and how long it held them, watched as a migration is
 * @param traffic        what the undo did to concurrent reads and writes, measured as a migration's traffic pass does;
 *                       {@code null} when that pass did not run for it
 * @param trafficNotRun  why the traffic pass did not run for the undo, when it had nothing to measure
 * @param projection     the undo's runtime at production's rows, from clean runs at each size; {@code null} when not projected
 */
public record Rollback(Status status, String how, Double millis, Boolean schemaRestored, List<String> differences,
                       List<String> dataLost, String error, SqlError sqlError, String reapplied, Kind kind, List<Finding> findings,
                       List<LockHeld> locks, Traffic traffic, String trafficNotRun, Projection projection) {

    /**
     * How a verdict's reasons about the rollback start ("rollback would run about …", "rollback
     * findings …"): what code-scanning reports file them under.
     */
    public static final String REASON = "rollback ";

    public Rollback {
        differences = differences == null ? List.of() : List.copyOf(differences);
        dataLost = dataLost == null ? List.of() : List.copyOf(dataLost);
        findings = findings == null ? List.of() : List.copyOf(findings);
        locks = locks == null ? List.of() : List.copyOf(locks);
    }

    /** How a rollback went. */
    public enum Status {
        /** It ran and the schema is the one before the migration. */
        REVERSED,
        /** It ran, and the schema still differs from the one before the migration. */
        INCOMPLETE,
        /** It failed. */
        FAILED,
        /** The project keeps no undo for the migration, or its tool says it cannot undo it. */
        NOT_REVERSIBLE
    }

    public static Rollback notReversible(String why) {
        return new Rollback(Status.NOT_REVERSIBLE, null, null, null, List.of(), List.of(), why, null, null, null, List.of(), List.of(),
                null, null, null);
    }

    /** "REVERSED in 12 ms", "INCOMPLETE: 1 difference", "NOT_REVERSIBLE": for tables and logs. */
    public String summary() {
        return switch (status) {
            case REVERSED -> "REVERSED" + (reapplied == null ? "" : ", not re-applicable");
            case INCOMPLETE -> "INCOMPLETE (" + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + ")";
            case FAILED -> "FAILED";
            case NOT_REVERSIBLE -> "NOT_REVERSIBLE";
        };
    }
}
