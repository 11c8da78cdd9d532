package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Traffic;

import java.util.List;

/** Concurrent queries of the traffic pass waited on the migration's locks. */
final class TrafficBlocked extends Rule {

    TrafficBlocked() {
        super(RuleId.TRAFFIC_BLOCKED, Severity.WARNING,
                "Concurrent queries waited on the migration's locks in the traffic pass",
                "Hold blocking locks briefly: SET lock_timeout and retry, build indexes CONCURRENTLY, add constraints NOT "
                        + "VALID and validate them apart, and keep data changes out of transactions that hold ACCESS "
                        + "EXCLUSIVE (see the migration's other findings for the statement that held the lock).");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        Traffic traffic = facts.traffic();
        return traffic == null || traffic.blocked() == 0 ? List.of()
                : List.of(new Hit(String.join(", ", traffic.tables()), Locks.capitalised(traffic.describe()), traffic.maxWaitMillis()));
    }
}
