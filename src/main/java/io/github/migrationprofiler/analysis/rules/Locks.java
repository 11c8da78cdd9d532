package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.TableStat;

import java.util.Optional;

import static io.github.migrationprofiler.config.Durations.spoken;

/** How the rules tell of a lock: the one held on a table while a statement ran, and what it blocked. */
final class Locks {

    private Locks() {
    }

    /** The lock held on {@code table} while the statement ran, if it blocked writes. */
    static Optional<LockHeld> blocking(Step step, TableStat table) {
        return step.heldOn(table.table()).filter(l -> l.lockMode().blocksWrites());
    }

    /**
     * "SHARE on public.t (100,000 rows, 14 MB) for 2.1 s: blocks INSERT/UPDATE/DELETE, DDL/VACUUM",
     * saying when the lock came from an earlier statement of the same transaction.
     */
    static String describe(LockHeld lock, TableStat table, Step step) {
        String blocks = lock.lockMode() == LockMode.ACCESS_EXCLUSIVE ? "reads and writes" : String.join(", ", lock.blocks());
        boolean earlier = step.statement().locks().stream().noneMatch(l -> l == lock);
        return lock.mode() + " on " + table.table() + " (" + table.describe() + ")"
                + (earlier ? ", taken earlier in the same transaction," : "") + " for " + spoken(lock.heldMillis())
                + ": blocks " + blocks;
    }

    /** The sentence with its first letter in upper case. */
    static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
