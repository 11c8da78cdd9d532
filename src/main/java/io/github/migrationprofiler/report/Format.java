package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.StatementsOmitted;
import io.github.migrationprofiler.result.Comparison;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.Iterations;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.result.VersionMatrix;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.migrationprofiler.config.Durations.spoken;

/** How every report writes times, counts, locks and the run's headline, so they all say the same. */
final class Format {

    private Format() {
    }

    static String millis(double millis) {
        if (millis >= 3_600_000) {
            return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000);
        }
        if (millis >= 60_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
        }
        if (millis >= 1_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1_000);
        }
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** "≈ 3 min 28 s at 40,000,000 rows" (worded as the projection's sentence words it), or "—" without a projection. */
    static String production(MigrationResult m) {
        Projection p = m.projection();
        return p == null ? "—" : "≈ " + spoken(p.millis()) + " at " + count(p.rows()) + " rows" + (p.lowConfidence() ? " (low confidence)" : "");
    }

    /** Whether any migration of the run was projected to production, so reports show the column. */
    static boolean projected(RunResult run) {
        return run.migrations().stream().anyMatch(m -> m.projection() != null);
    }

    /**
     * The columns a run's migrations table needs beyond the fixed ones: production's time when any
     * migration was projected, and how its undo went when the rollback pass ran.
     */
    record Columns(boolean projected, boolean rolledBack) {
        static Columns of(RunResult run) {
            return new Columns(Format.projected(run), run.migrations().stream().anyMatch(m -> m.rollback() != null));
        }
    }

    /** "REVERSED", "INCOMPLETE (1 difference)", "—" without a rollback pass: the Rollback column. */
    static String rollbackStatus(MigrationResult m) {
        return m.rollback() == null ? "—" : m.rollback().summary();
    }

    /**
     * "0.52 s at 100,000 rows → about 3 min 28 s (3 min 5 s – 3 min 55 s) at 40,000,000 rows;
     * ACCESS EXCLUSIVE held as long (a + b·n, R² 0.998)", and where the model and the points disagree.
     */
    static String projection(MigrationResult m) {
        Projection p = m.projection();
        return p.sentence(m.millis()) + " (" + p.model().json() + (p.fit() == null ? "" : ", R² " + p.fit()) + ")"
                + (p.notes().isEmpty() ? "" : ". " + sentence(String.join("; ", p.notes())));
    }

    /** Notes are written to follow a semicolon; after a full stop the first begins a sentence. */
    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "4 of 904 queries on public.orders waited …; the migration waited 2.9 s for its locks behind a 3.0 s query". */
    /**
     * Whether a finding of the migration already tells what the traffic pass measured
     * (lock-timeout-retry, or missing-lock-timeout with the pass's evidence): then the reports
     * give no traffic line of their own, and each figure is said once.
     */
    static boolean trafficTold(MigrationResult m) {
        return m.traffic() != null && m.findings().stream().map(Finding::rule).anyMatch(rule -> rule == RuleId.LOCK_TIMEOUT_RETRY
                || rule == RuleId.MISSING_LOCK_TIMEOUT && m.traffic().queued());
    }

    static String traffic(Traffic t) {
        String behind = t.longQueryMillis() > 0 ? " behind a " + spoken(t.longQueryMillis()) + " query" : "";
        return t.describe() + (t.migrationLockWaitMillis() > 0 ? "; the migration waited " + spoken(t.migrationLockWaitMillis())
                + " for its locks" + behind : "") + (t.retryNeeded() ? " and gave up on lock_timeout" : "")
                + (t.errors().isEmpty() ? "" : "; errors " + t.errors());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The strongest lock a migration held, and for how long: on what its findings are about when
     * they name a locked table or index, so the summary's lock is the finding's; else on the
     * tables that existed before it where it locked any (a table it creates keeps nobody waiting).
     */
    static Optional<LockHeld> strongestLock(MigrationResult migration) {
        Set<String> existing = migration.statements().stream().flatMap(s -> s.tableStats().stream())
                .filter(t -> !t.created()).map(TableStat::table)
                .collect(Collectors.toSet());
        Set<String> subjects = migration.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .flatMap(f -> f.subjects().stream()).collect(Collectors.toSet());
        Comparator<LockHeld> strength = Comparator.comparing(LockHeld::lockMode).thenComparing(LockHeld::heldMillis);
        List<LockHeld> locks = migration.statements().stream().flatMap(s -> s.locks().stream()).toList();
        return locks.stream().filter(l -> subjects.contains(l.relation()) || subjects.contains(l.table())).max(strength)
                .or(() -> locks.stream().filter(l -> existing.contains(l.table())).max(strength))
                .or(() -> locks.stream().max(strength));
    }

    /** "SHARE on public.t (2.1 s)", or "ACCESS EXCLUSIVE on index public.t_idx of public.t (3 ms)". */
    static String lock(LockHeld lock) {
        String on = lock.relation().equals(lock.table()) ? lock.table() : "index " + lock.relation() + " of " + lock.table();
        return lock.mode() + " on " + on + " (" + millis(lock.heldMillis()) + ")";
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
        String engine = run.engine() == null ? "PostgreSQL not started"
                : "PostgreSQL " + (run.engine().serverVersion() == null ? "" : run.engine().serverVersion() + " ") + "("
                + run.engine().kind() + (run.engine().image() == null ? "" : ", " + run.engine().image()) + ")";
        if (run.error() != null) {
            return engine + (run.source() == null ? "" : " · " + run.source());
        }
        String seed = run.seed() == null ? "empty tables (seed.scale=0)"
                : run.seed().scale() + " scale (" + count(run.seed().childRows()) + " child rows, seed " + run.seed().random() + ")";
        return engine + " · " + seed + " · " + run.totals().migrations() + " migration(s) in " + millis(run.totals().millis())
                + (run.totals().skipped() == 0 ? "" : " · " + run.totals().skipped() + " skipped");
    }

    /** "41.0 ms", or with several clean runs "41.0 ms (mean 41.3, sd 1.2, 39.9–43.0 ms, 3 runs)". */
    static String time(double millis, Iterations runs) {
        if (runs == null) {
            return millis(millis);
        }
        return millis(millis) + String.format(Locale.ROOT, " (mean %.1f, sd %.1f, %.1f–%.1f ms, %d runs)", runs.meanMillis(),
                runs.stddevMillis(), runs.minMillis(), runs.maxMillis(), runs.count());
    }

    /** How the runtimes were measured, for a line under the headline; {@code null} when the results do not say. */
    static String timing(RunResult run) {
        RunResult.Timing timing = run.timing();
        if (timing == null) {
            return null;
        }
        String settings = timing.settings().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String how = "clean".equals(timing.pass())
                ? "Runtimes from a clean pass: each reviewed migration ran again on the same data with nothing watching it"
                + (timing.iterations() > 1 ? ", " + timing.iterations() + " times on fresh copies (median shown)" : "")
                : "Runtimes from the instrumented pass, which its own observation slows down"
                + (timing.stopped() == null ? "" : " (the clean pass stopped: " + timing.stopped() + ")");
        return how + (settings.isEmpty() ? "" : " · " + settings) + (timing.projection() == null ? "" : " · " + timing.projection());
    }

    /** The rows of a comparison worth a reviewer's eye: regressions first, then new, improved, removed; unchanged ones left out. */
    static List<Comparison.Row> changed(Comparison comparison, int limit) {
        return comparison.rows().stream().filter(r -> r.change() != Comparison.Change.UNCHANGED)
                .sorted(Comparator.comparing((Comparison.Row r) -> switch (r.change()) {
                    case REGRESSED -> 0;
                    case NEW -> 1;
                    case IMPROVED -> 2;
                    default -> 3;
                }).thenComparing(r -> r.percent() == null ? 0 : -Math.abs(r.percent()))).limit(limit).toList();
    }

    /** "REGRESSED +35.2 %", "IMPROVED −20.1 %", "NEW". */
    static String change(Comparison.Row row) {
        return row.percent() == null ? row.change().name()
                : row.change().name() + String.format(Locale.ROOT, " %+.1f %%", row.percent()).replace('-', '−');
    }

    /** "Across PostgreSQL 14 and 15 (each major's reports in postgres-14/, postgres-15/): 1 migration behaves differently". */
    static String versions(VersionMatrix versions) {
        int differ = versions.differences().size();
        return "Across PostgreSQL " + versions.majors() + " (each major's reports in "
                + versions.profiled().stream().map(p -> "postgres-" + p.major() + "/").collect(Collectors.joining(", ")) + "): "
                + (differ == 0 ? "no migration behaves differently" : differ + " migration" + (differ == 1 ? " behaves" : "s behave")
                + " differently");
    }

    /** "V3__merge.sql: fails on 14 (…), passes on 15; …", one line per migration that behaved differently. */
    static List<String> versionDifferences(VersionMatrix versions) {
        return versions.differences().stream().map(d -> d.migration() + ": " + String.join("; ", d.what())).toList();
    }

    /**
     * "REVERSED in 3.1 ms by U2__w.sql; it drops table public.wishlist: 10,000 rows", "INCOMPLETE in
     * 2 ms by the changeset's &lt;rollback&gt;: still there: index public.items_note_idx", "NOT_REVERSIBLE: …".
     */
    static String rollback(Rollback rollback) {
        StringBuilder text = new StringBuilder(rollbackHeadline(rollback));
        if (rollback.error() != null) {
            text.append(": ").append(rollback.error());
        }
        if (!rollback.differences().isEmpty()) {
            text.append(": ").append(String.join("; ", rollback.differences()));
        }
        if (!rollback.findings().isEmpty()) {
            text.append("; ").append(rollback.kind() == null ? "" : rollback.kind() + ", ").append("findings: ")
                    .append(rollback.findings().stream().map(f -> f.rule() + " (" + f.severity().json() + "): " + f.message())
                            .collect(Collectors.joining("; ")));
        }
        if (!rollback.dataLost().isEmpty()) {
            text.append("; it drops data: ").append(String.join("; ", rollback.dataLost()));
        }
        if (rollback.projection() != null) {
            text.append("; ").append(rollback.projection().sentence());
        }
        if (rollback.traffic() != null) {
            text.append("; traffic: ").append(traffic(rollback.traffic()));
        }
        if (rollback.reapplied() != null) {
            text.append("; ").append(rollback.reapplied());
        }
        return text.toString();
    }

    /** "REVERSED in 11.2 ms by db/U2__w.sql": how the undo went, what undid it, and nothing of its details. */
    static String rollbackHeadline(Rollback rollback) {
        StringBuilder text = new StringBuilder(rollback.status().name());
        if (rollback.millis() != null) {
            text.append(" in ").append(millis(rollback.millis()));
        }
        if (rollback.how() != null) {
            text.append(" by ").append(rollback.how());
        }
        return text.toString();
    }

    /** The migrations that had a rollback pass, in order. */
    static List<MigrationResult> rolledBack(RunResult run) {
        return applied(run).stream().filter(m -> m.rollback() != null).toList();
    }

    /** "The run stopped during seeding: …" or "Configuration error, nothing ran: …", for a run that ended before it could profile. */
    static String stopped(RunResult run) {
        return (run.error().inConfiguration() ? "Configuration error, nothing ran: " : "The run stopped during " + run.error().stage() + ": ")
                + run.error().message();
    }

    /** The migrations that ran (or began to), in order; skipped ones are listed apart. */
    static List<MigrationResult> applied(RunResult run) {
        return run.migrations().stream().filter(MigrationResult::applied).toList();
    }

    static List<MigrationResult> skipped(RunResult run) {
        return run.migrations().stream().filter(m -> !m.applied()).toList();
    }

    /** How a migration is named in a report: its label, and the file it comes from unless its id is that file's name. */
    static String name(MigrationResult m) {
        return m.source() == null || fileName(m.source()).equals(m.id()) ? m.label() : m.label() + " · " + fileName(m.source());
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The verdict, or what stands in for it: SKIPPED, INTERRUPTED. */
    static String outcome(MigrationResult m) {
        return m.status() == Status.SKIPPED || m.status() == Status.INTERRUPTED ? m.status().name()
                : m.verdict() == null ? "" : m.verdict().name();
    }

    /** " shown, the notable and slowest; 19,900 more took 1,210.4 ms and changed 19,900 rows (…)": what a long migration's list leaves out. */
    static String omitted(StatementsOmitted omitted) {
        return String.format(Locale.ROOT, " shown, the notable and slowest; %,d more took %s and changed %s rows "
                + "(migration-profiler.statementsShown=0 lists them all)", omitted.count(), millis(omitted.millis()), count(omitted.rows()));
    }
}
