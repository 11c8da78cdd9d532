package io.github.migrationprofiler.profile;

import java.util.List;

/**
 * A lock the migration held on a user relation.
 *
 * @param relation   table or index, qualified
 * @param mode       e.g. {@code ACCESS EXCLUSIVE}
 * @param heldMillis from when it was first seen until its transaction ended (or the statement, in autocommit)
 * @param blocks     concurrent work that had to wait meanwhile
 */
public record LockHeld(String relation, String mode, double heldMillis, List<String> blocks) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public LockMode lockMode() {
        return LockMode.valueOf(mode.replace(' ', '_'));
    }
}
