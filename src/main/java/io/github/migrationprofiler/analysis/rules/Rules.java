package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Every rule, one per {@link RuleId}, in the order the docs list them. */
public final class Rules {

    private Rules() {
    }

    /** @param longMigration the line of the long-migration rule */
    public static List<Rule> all(Duration longMigration) {
        return Arrays.stream(RuleId.values()).map(id -> of(id, longMigration)).toList();
    }

    /** The rule behind an id: a new id does not compile until it has its rule. */
    private static Rule of(RuleId id, Duration longMigration) {
        return switch (id) {
            case CREATE_INDEX_NOT_CONCURRENTLY -> new CreateIndexNotConcurrently();
            case TABLE_REWRITE -> new TableRewrite();
            case COLUMN_TYPE_REWRITE -> new ColumnTypeRewrite();
            case SET_NOT_NULL_SCAN -> new SetNotNullScan();
            case CONSTRAINT_WITHOUT_NOT_VALID -> new ConstraintWithoutNotValid();
            case UNIQUE_CONSTRAINT_IN_PLACE -> new UniqueConstraintInPlace();
            case DROP_INDEX_NOT_CONCURRENTLY -> new DropIndexNotConcurrently();
            case FULL_TABLE_DML -> new FullTableDml();
            case STACKED_ACCESS_EXCLUSIVE -> new StackedAccessExclusive();
            case MISSING_LOCK_TIMEOUT -> new MissingLockTimeout();
            case BREAKING_CHANGE -> new BreakingChange();
            case FOREIGN_KEY_WITHOUT_INDEX -> new ForeignKeyWithoutIndex();
            case TRAFFIC_BLOCKED -> new TrafficBlocked();
            case LOCK_TIMEOUT_RETRY -> new LockTimeoutRetry();
            case LONG_MIGRATION -> new LongMigration(longMigration);
            case RUNNER_HAZARD -> new RunnerHazard();
        };
    }
}
