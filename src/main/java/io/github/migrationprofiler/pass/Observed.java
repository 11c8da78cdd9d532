package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.SchemaChange;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.source.Migration;

import java.util.List;

/**
 * One migration as the instrumented pass saw it applied: what its statements did, watched from
 * outside (locks, relations, the server's own account), and what it sent, for the passes that
 * run it again on the state before it.
 *
 * @param migration      the migration
 * @param reviewed       under review
 * @param baseline       applied before the first migration under review
 * @param status         how it ended
 * @param statements     its statements as instrumented: their times include what observing them costs
 * @param updateCounts   each statement's update count as the server gave it, to check a replay's against
 * @param millis         its time here: its statements' windows, without the runner's bookkeeping
 * @param error          the error that failed it, or {@code null}
 * @param recording      what it sent, to send again
 * @param searchPath     the session's {@code search_path} as it began, for replays to resolve names alike; {@code null} if unread
 * @param lockedTables   the tables with rows that existed before it and that it locked in a mode blocking writes (or reads):
 *                       where production's traffic would wait
 * @param unblocking     when {@code lockedTables} is empty, why no traffic would wait for it, in words
 * @param foreignKeyGaps foreign keys it added without an index
 * @param schemaChanges  what it dropped, renamed or retyped on tables that existed before it
 * @param warnings       what could not be observed, in words (a catalog read that failed)
 * @param skipped        why it was not applied, for a {@link Status#SKIPPED} migration
 */
public record Observed(Migration migration, boolean reviewed, boolean baseline, Status status, List<StatementResult> statements,
                       List<Long> updateCounts, double millis, SqlError error, Recording recording, String searchPath, List<String> lockedTables,
                       String unblocking, List<ForeignKeyGap> foreignKeyGaps, List<SchemaChange> schemaChanges, List<String> warnings,
                       List<String> hazards, String skipped) {

    public Observed {
        statements = List.copyOf(statements);
        updateCounts = List.copyOf(updateCounts);
        lockedTables = List.copyOf(lockedTables);
        foreignKeyGaps = List.copyOf(foreignKeyGaps);
        schemaChanges = List.copyOf(schemaChanges);
        warnings = List.copyOf(warnings);
        hazards = List.copyOf(hazards);
    }

    /** A migration not applied here, as production would not apply it. */
    static Observed skipped(Migration migration, String reason) {
        return new Observed(migration, true, false, Status.SKIPPED, List.of(), List.of(), 0, null, new Recording(), null, List.of(), null, List.of(),
                List.of(), List.of(), List.of(), reason);
    }

    /** Rows its statements changed. */
    public long rowsAffected() {
        return statements.stream().mapToLong(StatementResult::rowsAffected).sum();
    }
}
