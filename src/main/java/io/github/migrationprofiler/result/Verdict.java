package io.github.migrationprofiler.result;

/** What the gate makes of a migration, or of a whole run (the worst of its migrations). */
public enum Verdict {
    /** Within every threshold. */
    OK,
    /** Over its kind's warning line: the build passes, the reports say so. */
    WARNING,
    /** Over the critical line, cancelled by the timeout, or (if configured) an error finding: the build fails. */
    CRITICAL,
    /** An SQL error: the migration does not work at all. */
    FAILED;

    public Verdict worst(Verdict other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
