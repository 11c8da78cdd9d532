package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TrafficHold;

import java.time.Duration;
import java.util.List;

/**
 * The holding hazard: the migration held a lock the traffic pass's queries waited for, for its
 * own work, longer than the traffic warning line (projected to production's rows when known).
 * The queueing hazard, waiting for the lock behind a long transaction, is missing-lock-timeout's:
 * the traffic pass's reader sets how long that lasts here, production's longest transaction there.
 */
final class TrafficBlocked extends Rule {

    private final Duration line;

    /** @param line {@code trafficWarn}: a hold this long is one */
    TrafficBlocked(Duration line) {
        super(RuleId.TRAFFIC_BLOCKED, Severity.WARNING,
                "The migration held a lock the traffic's queries waited for longer than trafficWarn (2 s by default)",
                "Hold blocking locks briefly: build indexes CONCURRENTLY, add constraints NOT VALID and validate them "
                        + "apart, avoid rewrites, and keep data changes out of transactions that hold ACCESS EXCLUSIVE "
                        + "(the migration's other findings name the statement that held the lock).");
        this.line = line;
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        TrafficHold hold = facts.trafficHold();
        if (hold == null || hold.millis() < line.toMillis()) {
            return List.of();
        }
        // the pass's figures are the traffic line's (or missing-lock-timeout's): this finding is the hold alone
        return List.of(new Hit(hold.relation(), "Held " + hold.describe() + " while the traffic pass's queries on " + hold.table()
                + " waited for it: over the traffic warning line of " + Durations.format(line), hold.millis()));
    }
}
