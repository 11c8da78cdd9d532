package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Traffic;

import java.util.List;
import java.util.Locale;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * Behind the traffic pass's long-running reader, the migration gave up on its lock_timeout, as it
 * should: the stall was bounded, and a deployment retries it. Information, not a hazard.
 */
final class LockTimeoutRetry extends Rule {

    LockTimeoutRetry() {
        super(RuleId.LOCK_TIMEOUT_RETRY, Severity.INFO,
                "With a long-running query on the table, the migration gave up on lock_timeout (as it should)",
                "Let the deployment retry the migration when it fails with SQLSTATE 55P03 (lock_not_available), a few "
                        + "times with a pause between: each attempt blocks the table's queries for at most lock_timeout.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        Traffic traffic = facts.traffic();
        return traffic == null || !traffic.retryNeeded() ? List.of()
                : List.of(new Hit("migration", String.format(Locale.ROOT, "With a reader holding a transaction open on %s for %s, "
                        + "the migration waited %s for its lock and gave up on lock_timeout; %,d of %,d queries waited behind it, "
                        + "up to %s, and no longer: a deployment retries it", traffic.tables().get(0), spoken(traffic.longQueryMillis()),
                        spoken(traffic.migrationLockWaitMillis()), traffic.blocked(), traffic.queries(), spoken(traffic.maxWaitMillis())),
                        traffic.migrationLockWaitMillis()));
    }
}
