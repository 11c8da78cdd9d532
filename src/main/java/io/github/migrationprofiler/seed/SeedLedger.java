package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.SeedSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What seeding did to each table, and after which migration: the tables seeded, the gaps (fewer
 * rows than planned, or none), the tables still waiting for a parent or a later migration, and
 * the tables the migrations filled themselves. From it, the summary for results.json, where every
 * gap and every table under 1 % of the scale is named with its reason.
 */
final class SeedLedger {

    /** What a table waits for when a backfill fills it from a table created later. */
    static final String JOINED_LATER = "the rows of ";

    private final SeedOptions options;
    private final List<SeedSummary.TableSeed> seeded = new ArrayList<>();
    private final List<SeedSummary.Gap> gaps = new ArrayList<>();
    /** Table → what it waits for (a parent's name, "its partitions", or "empty until …"), in the order they began to wait. */
    private final Map<String, String> waiting = new LinkedHashMap<>();
    private final Map<String, String> after = new HashMap<>();
    /** Tables the migrations filled, with their rows counted up to the thin line. */
    private final Map<String, Long> kept = new LinkedHashMap<>();
    private final Set<String> empty = new HashSet<>();

    SeedLedger(SeedOptions options) {
        this.options = options;
    }

    /** Fewer rows than this is under 1 % of the scale: a table's runtime and locks say little about production. */
    long thinBelow() {
        return Math.max(1, options.childRows() / 100);
    }

    void seeded(SeedSummary.TableSeed table, String migration) {
        seeded.add(table);
        after.put(table.table(), migration);
        waiting.remove(table.table());
        if (table.rows() == 0) {
            empty.add(table.table());
        }
    }

    void gap(String table, String reason, String migration) {
        gaps.add(new SeedSummary.Gap(table, reason, migration));
    }

    void kept(String table, long rows, String migration) {
        kept.put(table, rows);
        after.put(table, migration);
        waiting.remove(table);
    }

    void waits(String table, String forWhat, String migration) {
        waiting.put(table, forWhat);
        after.putIfAbsent(table, migration);
    }

    void ready(String table) {
        waiting.remove(table);
    }

    /** What {@code table} waits for, or {@code null} when it does not wait. */
    String waitingFor(String table) {
        return waiting.get(table);
    }

    boolean isEmpty(String table) {
        return empty.contains(table);
    }

    /** Whether the migrations filled {@code table} with rows of their own. */
    boolean hasKeptRows(String table) {
        return kept.getOrDefault(table, 0L) > 0;
    }

    SeedSummary summary(double millis) {
        List<SeedSummary.Gap> all = new ArrayList<>(gaps);
        waiting.forEach((table, forWhat) -> all.add(new SeedSummary.Gap(table, waitingReason(forWhat), after.get(table))));
        Set<String> listed = new HashSet<>();
        all.forEach(gap -> listed.add(gap.table()));
        List<SeedSummary.Gap> thin = new ArrayList<>();
        for (SeedSummary.TableSeed table : seeded) {
            if (table.rows() > 0 && table.rows() < thinBelow() && !listed.contains(table.table())) {
                thin.add(new SeedSummary.Gap(table.table(), String.format(Locale.ROOT, "seeded %,d rows as planned, under 1 %% of the "
                        + "scale's %,d child rows: many levels of tables hang under it (each about twice its rows), or rowCounts "
                        + "keeps it small", table.rows(), options.childRows()), after.get(table.table())));
            }
        }
        kept.forEach((table, rows) -> {
            if (rows < thinBelow() && !listed.contains(table)) {
                thin.add(new SeedSummary.Gap(table, String.format(Locale.ROOT, "holds only the %,d row(s) the migrations inserted, "
                        + "under 1 %% of the scale's %,d child rows: reference data, kept as the migrations wrote it", rows,
                        options.childRows()), after.get(table)));
            }
        });
        return new SeedSummary(options.scale(), options.childRows(), options.random(), seeded, all, thin, millis, null);
    }

    /** Why a table still waiting at the end of the run was left empty. */
    private String waitingReason(String forWhat) {
        if (forWhat.equals("its partitions")) {
            return "left empty: a partitioned table that no migration gave a partition";
        }
        if (forWhat.startsWith("empty until ")) {
            return "left " + forWhat;
        }
        if (forWhat.startsWith(JOINED_LATER)) {
            return "left empty: a migration fills it from " + forWhat + ", joined on a column of it, and that table never "
                    + "had rows to give";
        }
        String parent = "left empty: its NOT NULL foreign key needs rows of " + forWhat;
        if (waiting.containsKey(forWhat)) {
            return parent + ", which is left empty too";
        }
        return parent + (empty.contains(forWhat) || kept.containsKey(forWhat) ? ", which has no rows" : ", which no migration created");
    }
}
