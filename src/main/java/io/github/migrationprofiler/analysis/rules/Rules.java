package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.config.GateOptions;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.result.RuleId;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Every rule, one per {@link RuleId}, in the order the docs list them. */
public final class Rules {

    private Rules() {
    }

    /**
     * The lines some rules draw.
     *
     * @param longMigration a migration running this long is a long-migration
     * @param trafficWarn   a lock held this long while traffic waits is traffic-blocked; a lock_timeout longer
     *                      than this does not bound the queueing of missing-lock-timeout
     */
    public record Lines(Duration longMigration, Duration trafficWarn) {
        public static final Lines DEFAULTS = new Lines(ProfilerConfig.DEFAULT_LONG_MIGRATION, GateOptions.TRAFFIC_WARN);
    }

    public static List<Rule> all(Lines lines) {
        return Arrays.stream(RuleId.values()).map(id -> of(id, lines)).toList();
    }

    /** The rule behind an id: a new id does not compile until it has its rule. */
    private static Rule of(RuleId id, Lines lines) {
        return switch (id) {
            case CREATE_INDEX_NOT_CONCURRENTLY -> new CreateIndexNotConcurrently();
            case TABLE_REWRITE -> new TableRewrite();
            case COLUMN_TYPE_REWRITE -> new ColumnTypeRewrite();
            case SET_NOT_NULL_SCAN -> new SetNotNullScan();
            case CONSTRAINT_WITHOUT_NOT_VALID -> new ConstraintWithoutNotValid();
            case UNIQUE_CONSTRAINT_IN_PLACE -> new UniqueConstraintInPlace();
            case DROP_INDEX_NOT_CONCURRENTLY -> new DropIndexNotConcurrently();
            case FULL_TABLE_DML -> new FullTableDml();
            case SUPERLINEAR_WORK -> new SuperlinearWork();
            case STACKED_ACCESS_EXCLUSIVE -> new StackedAccessExclusive();
            case MISSING_LOCK_TIMEOUT -> new MissingLockTimeout(lines.trafficWarn());
            case BREAKING_CHANGE -> new BreakingChange();
            case FOREIGN_KEY_WITHOUT_INDEX -> new ForeignKeyWithoutIndex();
            case TRAFFIC_BLOCKED -> new TrafficBlocked(lines.trafficWarn());
            case DEADLOCK -> new Deadlock();
            case LOCK_TIMEOUT_RETRY -> new LockTimeoutRetry();
            case DATA_DEPENDENT -> new DataDependent();
            case LONG_MIGRATION -> new LongMigration(lines.longMigration());
            case RUNNER_HAZARD -> new RunnerHazard();
            case EMPTY_MIGRATION -> new EmptyMigration();
            case ROLLBACK_FAILED -> new RollbackFailed();
            case ROLLBACK_INCOMPLETE -> new RollbackIncomplete();
            case ROLLBACK_LOSES_DATA -> new RollbackLosesData();
        };
    }
}
