package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * The first lock request of each transaction that would queue ordinary traffic behind it, on a
 * table that existed before, made with lock_timeout = 0: however briefly it is then held, while
 * it waits behind a long-running query every later query on the table waits too.
 */
final class MissingLockTimeout extends Rule {

    MissingLockTimeout() {
        super(RuleId.MISSING_LOCK_TIMEOUT, Severity.WARNING,
                "A lock that blocks writes (SHARE or stronger) was requested on an existing table with lock_timeout = 0",
                "SET lock_timeout (e.g. '2s') at the start of the migration and retry it on timeout: a lock request "
                        + "queued behind a long-running query blocks every later query on the table, however briefly "
                        + "the lock itself is then held. If your migration runner sets lock_timeout for every migration, "
                        + "set migration-profiler.assumeLockTimeout.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        Set<Integer> flagged = new HashSet<>();
        for (Step step : facts.steps()) {
            int transaction = step.statement().transaction();
            if (!"0".equals(step.statement().lockTimeout()) || flagged.contains(transaction) && transaction != 0) {
                continue;
            }
            // one statement may lock several tables (a CREATE TABLE with foreign keys): each is a queue of its own
            List<Map.Entry<String, LockHeld>> requested = step.existing().stream()
                    .flatMap(t -> step.requestedOn(t.table()).filter(l -> l.lockMode().blocksWrites())
                            .map(l -> Map.entry(t.table(), l)).stream())
                    .sorted(Map.Entry.comparingByKey()).toList();
            requested.stream().map(e -> e.getValue().lockMode()).max(Comparator.naturalOrder()).ifPresent(strongest -> {
                flagged.add(transaction);
                requested.stream().filter(e -> e.getValue().lockMode() == strongest).forEach(e -> {
                    LockHeld lock = e.getValue();
                    String queued = strongest == LockMode.ACCESS_EXCLUSIVE ? "every read and write" : String.join(", ", lock.blocks());
                    hits.add(new Hit(e.getKey(), lock.mode() + " on " + e.getKey() + " was requested at line "
                            + step.statement().line() + " with lock_timeout = 0 (then held " + spoken(lock.heldMillis())
                            + "): queued behind a long-running query, it would make " + queued + " on " + e.getKey() + " wait",
                            lock.heldMillis()));
                });
            });
        }
        return hits;
    }
}
