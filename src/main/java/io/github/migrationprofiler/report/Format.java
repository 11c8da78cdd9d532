package io.github.migrationprofiler.report;

import io.github.migrationprofiler.analysis.Verdict;
import io.github.migrationprofiler.profile.LockHeld;
import io.github.migrationprofiler.profile.MigrationResult;
import io.github.migrationprofiler.profile.RunResult;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** How every report writes times, counts, locks and the run's headline, so they all say the same. */
final class Format {

    private Format() {
    }

    static String millis(double millis) {
        if (millis >= 60_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
        }
        if (millis >= 1_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1_000);
        }
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The strongest lock a migration held on a user table, and for how long. */
    static Optional<LockHeld> strongestLock(MigrationResult migration) {
        return migration.statements().stream().flatMap(s -> s.locks().stream())
                .max(Comparator.comparing(LockHeld::lockMode).thenComparing(LockHeld::heldMillis));
    }

    static String lock(LockHeld lock) {
        return lock.mode() + " on " + lock.relation() + " (" + millis(lock.heldMillis()) + ")";
    }

    static String verdict(Verdict verdict) {
        return verdict == null ? "" : switch (verdict) {
            case OK -> "✅ OK";
            case WARNING -> "⚠️ WARNING";
            case CRITICAL -> "❌ CRITICAL";
            case FAILED -> "💥 FAILED";
        };
    }

    /** "PostgreSQL 17.6 (embedded) · medium scale (100,000 child rows, seed 42) · 7 migrations in 635.4 ms". */
    static String headline(RunResult run) {
        String seed = run.seed() == null ? "empty tables (seed.scale=0)"
                : run.seed().scale() + " scale (" + count(run.seed().childRows()) + " child rows, seed " + run.seed().random() + ")";
        return "PostgreSQL " + run.engine().serverVersion() + " (" + run.engine().kind()
                + (run.engine().image() == null ? "" : ", " + run.engine().image()) + ") · " + seed + " · "
                + run.totals().migrations() + " migration(s) in " + millis(run.totals().millis());
    }
}
