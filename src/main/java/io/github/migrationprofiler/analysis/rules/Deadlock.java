package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.List;

/**
 * In the traffic pass, the migration and the application's queries waited for each other and
 * PostgreSQL cancelled one of them. In production that is a failed deployment or a failed request,
 * whichever side loses: which one does is chance.
 */
final class Deadlock extends Rule {

    Deadlock() {
        super(RuleId.DEADLOCK, Severity.ERROR,
                "The migration deadlocked with the application's queries",
                "Take the locks in the order the application does, or all at once up front: LOCK TABLE parent, child "
                        + "IN ACCESS EXCLUSIVE MODE at the start of the transaction, or each ALTER in a transaction of its "
                        + "own. With lock_timeout set the migration gives up and retries instead of cancelling a request.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        return facts.deadlock() == null ? List.of() : List.of(new Hit("migration", "Deadlock: " + facts.deadlock(), 0));
    }
}
