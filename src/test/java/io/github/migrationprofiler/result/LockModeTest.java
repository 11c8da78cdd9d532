package io.github.migrationprofiler.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockModeTest {

    /** PostgreSQL's "Conflicting Lock Modes" table, row by row (X = conflict), weakest mode first. */
    private static final String[] DOCUMENTED = {
            ".......X",
            "......XX",
            "....XXXX",
            "...XXXXX",
            "..XX.XXX",
            "..XXXXXX",
            ".XXXXXXX",
            "XXXXXXXX"};

    @Test
    void conflictsMatchTheDocumentation() {
        LockMode[] modes = LockMode.values();
        for (int i = 0; i < modes.length; i++) {
            for (int j = 0; j < modes.length; j++) {
                assertThat(modes[i].conflictsWith(modes[j])).as("%s vs %s", modes[i], modes[j])
                        .isEqualTo(DOCUMENTED[i].charAt(j) == 'X');
            }
        }
    }

    @Test
    void blocksNameTheWorkThatWaits() {
        assertThat(LockMode.ACCESS_SHARE.blocks()).isEmpty();
        assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.blocks()).containsExactly("DDL/VACUUM");
        assertThat(LockMode.SHARE.blocks()).containsExactly("INSERT/UPDATE/DELETE", "DDL/VACUUM");
        assertThat(LockMode.ACCESS_EXCLUSIVE.blocks()).containsExactly("SELECT", "SELECT … FOR UPDATE/SHARE", "INSERT/UPDATE/DELETE", "DDL/VACUUM");
        assertThat(LockMode.fromPg("ShareRowExclusiveLock").display()).isEqualTo("SHARE ROW EXCLUSIVE");
    }
}
