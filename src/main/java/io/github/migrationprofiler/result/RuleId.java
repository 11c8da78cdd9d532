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
    CREATE_INDEX_NOT_CONCURRENTLY,
    TABLE_REWRITE,
    COLUMN_TYPE_REWRITE,
    SET_NOT_NULL_SCAN,
    CONSTRAINT_WITHOUT_NOT_VALID,
    UNIQUE_CONSTRAINT_IN_PLACE,
    DROP_INDEX_NOT_CONCURRENTLY,
    FULL_TABLE_DML,
    SUPERLINEAR_WORK,
    STACKED_ACCESS_EXCLUSIVE,
    MISSING_LOCK_TIMEOUT,
    BREAKING_CHANGE,
    FOREIGN_KEY_WITHOUT_INDEX,
    TRAFFIC_BLOCKED,
    DEADLOCK,
    LOCK_TIMEOUT_RETRY,
    DATA_DEPENDENT,
    LONG_MIGRATION,
    RUNNER_HAZARD,
    EMPTY_MIGRATION;

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
