package io.github.migrationprofiler.result;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rules' stable ids, in the order the docs list them: what findings, the pom's
 * {@code disabledRules} and {@code -- migration-profiler:ignore} comments name.
 */
public enum RuleId {
    CREATE_INDEX_NOT_CONCURRENTLY(Severity.WARNING, "An index built on an existing table without CONCURRENTLY: writers wait for the whole build"),
    TABLE_REWRITE(Severity.ERROR, "An existing table rewritten under ACCESS EXCLUSIVE: nothing reads or writes it until the rewrite ends"),
    COLUMN_TYPE_REWRITE(Severity.ERROR, "A column type change that is not binary-coercible rewrites the table and its indexes"),
    SET_NOT_NULL_SCAN(Severity.WARNING, "SET NOT NULL scanned every row under ACCESS EXCLUSIVE: no valid CHECK proved it"),
    CONSTRAINT_WITHOUT_NOT_VALID(Severity.WARNING, "A CHECK or foreign key validated against every existing row while writes were blocked"),
    UNIQUE_CONSTRAINT_IN_PLACE(Severity.WARNING, "ADD UNIQUE or PRIMARY KEY built its index on an existing table while writes were blocked"),
    DROP_INDEX_NOT_CONCURRENTLY(Severity.WARNING, "DROP INDEX took ACCESS EXCLUSIVE on the table: behind a long query, everything queues behind it"),
    FULL_TABLE_DML(Severity.WARNING, "UPDATE or DELETE of at least half of an existing table in one transaction"),
    SUPERLINEAR_WORK(Severity.WARNING, "A statement whose work grows faster than its tables' rows"),
    STACKED_ACCESS_EXCLUSIVE(Severity.WARNING, "ACCESS EXCLUSIVE stayed held while later statements of the same transaction ran"),
    MISSING_LOCK_TIMEOUT(Severity.WARNING, "A lock that blocks writes requested without lock_timeout: queued behind a long query, "
            + "it makes every query on the table wait"),
    BREAKING_CHANGE(Severity.WARNING, "A table or column dropped or renamed, or a type changed, that running code may still use"),
    FOREIGN_KEY_WITHOUT_INDEX(Severity.WARNING, "A foreign key without an index on its referencing columns: each delete of a "
            + "referenced row scans the referencing table"),
    TRAFFIC_BLOCKED(Severity.WARNING, "Application queries waited on the migration's locks in the traffic pass"),
    DEADLOCK(Severity.ERROR, "The migration and the application's queries deadlocked in the traffic pass"),
    LOCK_TIMEOUT_RETRY(Severity.INFO, "The migration gave up its lock wait behind a reader, as lock_timeout meant it to: it needs a retry"),
    DATA_DEPENDENT(Severity.INFO, "A statement that succeeds only if every existing row has some form: production's rows may not"),
    LONG_MIGRATION(Severity.WARNING, "The migration ran longer than longMigration"),
    RUNNER_HAZARD(Severity.ERROR, "Production's migration tool, configured as the project configures it, would hang or fail here"),
    EMPTY_MIGRATION(Severity.INFO, "The migration sent no statement to the database"),
    ROLLBACK_FAILED(Severity.ERROR, "The migration's undo fails on the state the migration leaves"),
    ROLLBACK_INCOMPLETE(Severity.WARNING, "The migration's undo leaves another schema than the one before it, or one it cannot be "
            + "applied to again"),
    ROLLBACK_LOSES_DATA(Severity.INFO, "The migration's undo drops tables or columns that hold data");

    private final Severity severity;
    private final String summary;

    RuleId(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    /** The severity docs/rules.md gives the rule; a finding may be more severe where several places add up. */
    public Severity severity() {
        return severity;
    }

    /** What the rule finds, in one line (docs/rules.md says it in full): for code-scanning tools' rule lists. */
    public String summary() {
        return summary;
    }

    /** {@code create-index-not-concurrently}: the id as people write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The id as people write it, so that findings read the same in every output. */
    @Override
    public String toString() {
        return id();
    }

    /** The rule named {@code id}; an unknown id fails, listing the known ones. */
    public static RuleId parse(String id, String where) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id.strip())).findFirst()
                .orElseThrow(() -> new ProfilerException("Unknown rule '" + id + "' in " + where + "; the rules are "
                        + Arrays.stream(values()).map(RuleId::id).collect(Collectors.joining(", "))));
    }
}
