package io.github.migrationprofiler.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What one migration did.
 *
 * @param id           changeset id or SQL file name
 * @param author       changeset author; {@code null} for SQL files
 * @param source       the file that holds the migration
 * @param line         line of its declaration in {@code source}
 * @param status       how it ended
 * @param millis       wall time of the whole migration, fractional milliseconds
 * @param rowsAffected rows changed by all its statements
 * @param statements   its statements in execution order
 * @param error        the error that failed it, or {@code null}
 * @param warnings     why its figures may mislead (e.g. measured on empty tables)
 * @param kind         how heavy it is, from what it did
 * @param findings     what it does that hurts production, with the safer way
 * @param verdict      what the gate made of it; {@code null} until judged
 * @param reasons      which thresholds it crossed, in words
 * @param skipped      why it was not applied, for a {@link Status#SKIPPED} migration
 * @param instrumentedMillis the instrumented pass's time for it, when {@code millis} comes from the clean timing pass
 *                     (the difference is what observing it costs); {@code null} otherwise
 * @param iterations   the spread of its clean runs when there were several ({@code millis} is their median)
 * @param projection   its runtime and longest lock hold projected to production's rows, when known
 * @param traffic      what it did to concurrent queries in the traffic pass, when that ran
 * @param flyway       what Flyway says of it (version, description, type), when Flyway ran it
 * @param omitted      the statements its reports leave out, summed ({@link #showingStatements}); {@code null} when none are
 * @param notRun       the passes that did not run for it because they had nothing to measure, with why ({@code traffic})
 * @param rollback     its undo, run on a copy of the state after it; {@code null} when the rollback pass did not run
 */
public record MigrationResult(String id, String author, String source, int line, Status status, double millis,
                              long rowsAffected, List<StatementResult> statements, SqlError error, List<String> warnings,
                              Kind kind, List<Finding> findings, Verdict verdict, List<String> reasons, String skipped,
                              Double instrumentedMillis, Iterations iterations, Projection projection, Traffic traffic,
                              FlywayInfo flyway, StatementsOmitted omitted, Map<String, String> notRun, Rollback rollback) {

    /** Statements are listed in the reports up to this many characters of their text. */
    public static final int SQL_SHOWN = 4_000;

    public MigrationResult(String id, String author, String source, int line, Status status, double millis, long rowsAffected,
                           List<StatementResult> statements, SqlError error, List<String> warnings, Kind kind,
                           List<Finding> findings, Verdict verdict, List<String> reasons, String skipped,
                           Double instrumentedMillis, Iterations iterations, Projection projection, Traffic traffic,
                           FlywayInfo flyway) {
        this(id, author, source, line, status, millis, rowsAffected, statements, error, warnings, kind, findings, verdict, reasons,
                skipped, instrumentedMillis, iterations, projection, traffic, flyway, null, Map.of(), null);
    }

    public MigrationResult(String id, String author, String source, int line, Status status, double millis, long rowsAffected,
                           List<StatementResult> statements, SqlError error, List<String> warnings, Kind kind,
                           List<Finding> findings, Verdict verdict, List<String> reasons, String skipped,
                           Double instrumentedMillis, Iterations iterations, Projection projection, Traffic traffic) {
        this(id, author, source, line, status, millis, rowsAffected, statements, error, warnings, kind, findings, verdict, reasons,
                skipped, instrumentedMillis, iterations, projection, traffic, null);
    }

    public MigrationResult(String id, String author, String source, int line, Status status, double millis, long rowsAffected,
                           List<StatementResult> statements, SqlError error, List<String> warnings, Kind kind,
                           List<Finding> findings, Verdict verdict, List<String> reasons, String skipped) {
        this(id, author, source, line, status, millis, rowsAffected, statements, error, warnings, kind, findings, verdict, reasons,
                skipped, null, null, null, null);
    }

    public MigrationResult {
        statements = List.copyOf(statements);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        findings = findings == null ? List.of() : List.copyOf(findings);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        notRun = notRun == null ? Map.of() : Map.copyOf(notRun);
    }

    /** This migration with the gate's verdict and the lines it crossed. */
    public MigrationResult judged(Verdict verdict, List<String> reasons) {
        return new MigrationResult(id, author, source, line, status, millis, rowsAffected, statements, error, warnings, kind,
                findings, verdict, reasons, skipped, instrumentedMillis, iterations, projection, traffic, flyway, omitted, notRun, rollback);
    }

    /** The runtime the gate judges: the projected production runtime when there is one, else the measured one. */
    public double judgedMillis() {
        return projection != null ? projection.millis() : millis;
    }

    /**
     * The longest this migration held a lock the traffic pass's queries waited for, at production's
     * size when the lock hold is projected; {@code null} when none waited for it ({@link TrafficHold#of}).
     */
    public TrafficHold trafficHold() {
        return TrafficHold.of(statements, projection, traffic);
    }

    /**
     * This migration as its reports show it: at most {@code limit} statements in detail (all when
     * {@code limit} is 0) and each one's text cut at {@link #SQL_SHOWN} characters. The ones kept
     * are those that failed, rewrote, scanned or built something, then the slowest, in their order.
     */
    public MigrationResult showingStatements(int limit) {
        boolean cut = limit > 0 && statements.size() > limit;
        if (!cut && statements.stream().noneMatch(s -> s.sql().length() > SQL_SHOWN)) {
            return this;
        }
        List<StatementResult> kept = cut ? NotableStatements.of(statements, limit) : statements;
        StatementsOmitted left = cut ? new StatementsOmitted(statements.size() - kept.size(),
                Math.round((sum(statements, StatementResult::millis) - sum(kept, StatementResult::millis)) * 1_000.0) / 1_000.0,
                statements.stream().mapToLong(StatementResult::rowsAffected).sum() - kept.stream().mapToLong(StatementResult::rowsAffected).sum())
                : omitted;
        return new MigrationResult(id, author, source, line, status, millis, rowsAffected,
                kept.stream().map(s -> s.abbreviated(SQL_SHOWN)).toList(), error, warnings, kind, findings, verdict, reasons, skipped,
                instrumentedMillis, iterations, projection, traffic, flyway, left, notRun, rollback);
    }

    private static double sum(List<StatementResult> statements, ToDoubleFunction<StatementResult> value) {
        return statements.stream().mapToDouble(value).sum();
    }

    /** "V2__x.sql" or "004-type (alice)". */
    public String label() {
        return author == null ? id : id + " (" + author + ")";
    }

    /** With its rollback, and what the rollback rules found of it among its findings. */
    public MigrationResult withRollback(Rollback undone, List<Finding> rollbackFindings) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(rollbackFindings);
        return new MigrationResult(id, author, source, line, status, millis, rowsAffected, statements, error, warnings, kind,
                all, verdict, reasons, skipped, instrumentedMillis, iterations, projection, traffic, flyway, omitted, notRun, undone);
    }

    public MigrationResult withWarning(String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return new MigrationResult(id, author, source, line, status, millis, rowsAffected, statements, error, all, kind, findings,
                verdict, reasons, skipped, instrumentedMillis, iterations, projection, traffic, flyway, omitted, notRun, rollback);
    }

    /** A migration not applied here, as production would not apply it. */
    public static MigrationResult skipped(String id, String author, String source, int line, String why) {
        return new MigrationResult(id, author, source, line, Status.SKIPPED, 0, 0, List.of(), null, List.of(), null, List.of(),
                null, List.of(), why);
    }

    /** It did not complete: an SQL error, or the run was interrupted while it ran. */
    public boolean failed() {
        return status == Status.FAILED || status == Status.INTERRUPTED;
    }

    /** It ran (or began to): every status but {@link Status#SKIPPED}. */
    public boolean applied() {
        return status != Status.SKIPPED;
    }

    /** "file, changeset, line, SQLSTATE: message": everything needed to find and fix a failure. */
    public String failureSummary() {
        String what = author == null ? "file " + id : "changeset '" + id + "' by " + author;
        String where = source + (error == null ? "" : ":" + error.line());
        String why = status == Status.INTERRUPTED ? "interrupted while it ran (Ctrl-C or SIGTERM)" : error == null ? "failed"
                : (error.sqlState() == null ? "" : "SQLSTATE " + error.sqlState() + ": ") + error.message();
        return where + " (" + what + ", line " + (error == null ? line : error.line())
                + (error == null || error.column() == null ? "" : ", column " + error.column()) + "): " + why;
    }
}
