package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.migrationprofiler.config.Durations.spoken;

/**
 * ACCESS EXCLUSIVE taken on an existing table, then held while later statements of the same
 * transaction did real work: changed rows, read or rewrote another table, or simply took long.
 * Reading or rewriting the locked table itself is left to the rule for that work (index build,
 * scan, rewrite), which names the earlier lock; a few milliseconds of catalog changes under one
 * lock are not worth a warning.
 */
final class StackedAccessExclusive extends Rule {

    /** Far above what catalog-only work takes even on a loaded machine: below it, stacked DDL is trivial. */
    private static final double SLOW_LOCK_MILLIS = 500;

    StackedAccessExclusive() {
        super(RuleId.STACKED_ACCESS_EXCLUSIVE, Severity.WARNING,
                "ACCESS EXCLUSIVE on an existing table stayed held while the transaction went on to real work",
                "Give each DDL statement its own transaction (its own changeset, or a file of its own), so each lock is "
                        + "brief; keep data changes and scans out of transactions that hold ACCESS EXCLUSIVE.");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Step> steps = facts.steps();
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int transaction = step.statement().transaction();
            List<Step> later = null; // read only for a statement that took ACCESS EXCLUSIVE: most take none
            for (TableStat table : step.existing()) {
                Optional<LockHeld> exclusive = step.requestedOn(table.table()).filter(l -> l.lockMode() == LockMode.ACCESS_EXCLUSIVE);
                if (exclusive.isEmpty() || hits.containsKey(table.table()) || transaction == 0) {
                    continue;
                }
                if (later == null) {
                    later = steps.subList(i + 1, steps.size()).stream().filter(s -> s.statement().transaction() == transaction).toList();
                }
                if (later.isEmpty()) {
                    break;
                }
                Set<String> work = workUnder(later, table.table());
                LockHeld lock = exclusive.get();
                if (!work.isEmpty() || lock.heldMillis() >= SLOW_LOCK_MILLIS) {
                    hits.put(table.table(), new Hit(table.table(), "ACCESS EXCLUSIVE on "
                            + table.table() + " (" + table.describe() + "), taken at line " + step.statement().line()
                            + ", stayed held while " + later.size() + " more statement(s) ran in the same transaction"
                            + (work.isEmpty() ? "" : " (" + String.join(", ", work) + ")") + ": " + spoken(lock.heldMillis())
                            + " in all, blocking reads and writes", lock.heldMillis()));
                }
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** What the later statements did that the lock on {@code locked} made traffic wait for, and no other rule reports. */
    private static Set<String> workUnder(List<Step> later, String locked) {
        Set<String> work = new LinkedHashSet<>();
        for (Step next : later) {
            next.statement().work().stream().filter(w -> w.kind().readsTable() && !w.table().equals(locked))
                    .forEach(w -> work.add(w.kind().json().replace('-', ' ') + " of " + w.table()));
            if (!next.matches(Operations.TRUNCATE)) { // a TRUNCATE's new, empty file is no work
                next.statement().rewrites().stream()
                        .filter(r -> !r.equals(locked) && next.existing().stream().anyMatch(t -> t.table().equals(r)))
                        .forEach(r -> work.add("rewrite of " + r));
            }
            if (next.matches(Operations.DML) && next.statement().rowsAffected() > 0) {
                work.add(String.format(Locale.ROOT, "%,d rows changed", next.statement().rowsAffected()));
            }
        }
        return work;
    }
}
