package io.github.migrationprofiler.result;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's table lock modes, weakest first, with what each one blocks. Conflicts follow the
 * documented table: a queued or held mode blocks every workload whose own lock conflicts with it.
 */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    /** Concurrent work, named by what people run, and the lock it needs. */
    public enum Workload {
        SELECT("SELECT", ACCESS_SHARE),
        SELECT_FOR_UPDATE("SELECT … FOR UPDATE/SHARE", ROW_SHARE),
        WRITES("INSERT/UPDATE/DELETE", ROW_EXCLUSIVE),
        DDL_VACUUM("DDL/VACUUM", SHARE_UPDATE_EXCLUSIVE);

        private final String label;
        private final LockMode needs;

        Workload(String label, LockMode needs) {
            this.label = label;
            this.needs = needs;
        }

        public String label() {
            return label;
        }
    }

    private final String pgName;

    LockMode(String pgName) {
        this.pgName = pgName;
    }

    /** {@code ACCESS EXCLUSIVE}, as the documentation writes it. */
    public String display() {
        return name().replace('_', ' ');
    }

    public static LockMode fromPg(String mode) {
        for (LockMode m : values()) {
            if (m.pgName.equals(mode)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown lock mode " + mode);
    }

    public boolean conflictsWith(LockMode other) {
        return switch (this) {
            case ACCESS_SHARE -> other == ACCESS_EXCLUSIVE;
            case ROW_SHARE -> other.ordinal() >= EXCLUSIVE.ordinal();
            case ROW_EXCLUSIVE -> other.ordinal() >= SHARE.ordinal();
            case SHARE_UPDATE_EXCLUSIVE -> other.ordinal() >= SHARE_UPDATE_EXCLUSIVE.ordinal();
            case SHARE -> other == ROW_EXCLUSIVE || other == SHARE_UPDATE_EXCLUSIVE || other.ordinal() >= SHARE_ROW_EXCLUSIVE.ordinal();
            case SHARE_ROW_EXCLUSIVE -> other.ordinal() >= ROW_EXCLUSIVE.ordinal();
            case EXCLUSIVE -> other.ordinal() >= ROW_SHARE.ordinal();
            case ACCESS_EXCLUSIVE -> true;
        };
    }

    /** The workloads that must wait while this lock is held. */
    public List<String> blocks() {
        List<String> blocked = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            if (conflictsWith(workload.needs)) {
                blocked.add(workload.label());
            }
        }
        return blocked;
    }

    /** Blocks writers: the locks that hurt a live application. */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }
}
