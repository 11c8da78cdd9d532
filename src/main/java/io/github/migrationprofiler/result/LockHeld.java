package io.github.migrationprofiler.result;

import java.util.List;

/**
 * A lock the migration held on a user relation.
 *
 * @param relation   table or index, qualified
 * @param mode       e.g. {@code ACCESS EXCLUSIVE}
 * @param heldMillis from when it was first seen until its transaction ended (or the statement, in autocommit)
 * @param blocks     concurrent work that had to wait meanwhile
 * @param table      the table the relation belongs to (an index's table), so locks are told per table
 */
public record LockHeld(String relation, String mode, double heldMillis, List<String> blocks, String table) {

    public LockHeld {
        table = table == null ? relation : table;
    }

    public LockHeld(String relation, String mode, double heldMillis, List<String> blocks) {
        this(relation, mode, heldMillis, blocks, relation);
    }
    public LockMode lockMode() {
        return LockMode.valueOf(mode.replace(' ', '_'));
    }
}
