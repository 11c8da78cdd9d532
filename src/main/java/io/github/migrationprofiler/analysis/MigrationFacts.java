package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.profile.LockHeld;
import io.github.migrationprofiler.profile.SqlText;
import io.github.migrationprofiler.profile.StatementResult;
import io.github.migrationprofiler.profile.TableStat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What was measured for one migration, as the rules read it.
 *
 * @param statements       its statements with locks, rewrites, plans and table statistics
 * @param millis           its wall time
 * @param foreignKeyGaps   foreign keys it added without an index
 */
public record MigrationFacts(List<StatementResult> statements, double millis, List<ForeignKeyGap> foreignKeyGaps) {

    /** A statement with its normalised text, for pattern checks. */
    public record Step(StatementResult statement, String sql) {

        /** Tables it touched that held rows before it ran. */
        public List<TableStat> populated() {
            return statement.tableStats().stream().filter(t -> t.rows() > 0).toList();
        }

        /** The strongest lock it took on {@code table}, if any. */
        public Optional<LockHeld> lockOn(String table) {
            return statement.locks().stream().filter(l -> l.relation().equals(table))
                    .max(java.util.Comparator.comparing(LockHeld::lockMode));
        }

        public boolean matches(String regex) {
            return sql.matches(regex);
        }
    }

    public List<Step> steps() {
        return statements.stream().map(s -> new Step(s, SqlText.normalize(s.sql()))).toList();
    }

    /** "120 ms", "1.4 s", "6.2 min": how findings and verdicts quote a duration. */
    static String seconds(double millis) {
        if (millis >= 60_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
        }
        return millis >= 1000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000) : String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
