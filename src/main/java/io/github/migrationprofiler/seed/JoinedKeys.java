package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.support.ProfilerLog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns the migrations join on without a foreign key: {@code WHERE ent.environment_id = env.id}
 * in a backfill that fills a NOT NULL column from the joined row. On production's data the join
 * finds its row; seeded values must too, so the seeder draws such a column from the other side's
 * keys as it would for a foreign key. Read per statement, aliases resolved; names as written
 * (changelog parameters included), folded as PostgreSQL does.
 */
final class JoinedKeys {

    /**
     * {@code table.column = otherTable.otherColumn}, as a migration joins them.
     *
     * @param filled      the UPDATE fills this table from {@code otherTable}'s rows: they must exist when it runs
     * @param otherFilled the UPDATE fills {@code otherTable} from this table's rows: each of its rows needs one here
     */
    record Join(String table, String column, String otherTable, String otherColumn, boolean filled, boolean otherFilled) {
    }

    private static final String NAME = "(?:\\$\\{[^}]*}|[\\w$])+";
    private static final Pattern RELATION = Pattern.compile("\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(?:ONLY\\s+)?(?:" + NAME + "\\.)?(" + NAME
            + ")(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern EQUALS = Pattern.compile("(" + NAME + ")\\.(\"?[A-Za-z_]\\w*\"?)\\s*=\\s*(" + NAME + ")\\.(\"?[A-Za-z_]\\w*\"?)");
    /** {@code s.id = subscription}: the bare name is a column of the table the UPDATE writes. */
    private static final Pattern EQUALS_BARE = Pattern.compile("(" + NAME + ")\\.(\"?[A-Za-z_]\\w*\"?)\\s*=\\s*(?<![.\\w])([A-Za-z_]\\w*)(?![\\w.(])"
            + "|(?<![.\\w$])([A-Za-z_]\\w*)\\s*=\\s*(" + NAME + ")\\.(\"?[A-Za-z_]\\w*\"?)");
    /**
     * A backfill: an UPDATE. Views and queries join too, but fill nothing. Found anywhere in the
     * statement, since in a YAML or XML changelog the SQL follows the changeset's own text.
     */
    private static final Pattern UPDATED = Pattern.compile("\\bUPDATE\\s+(?:ONLY\\s+)?(?:" + NAME + "\\.)?(" + NAME + ")\\s+(?:AS\\s+)?"
            + "(?:[A-Za-z_]\\w*\\s+)?SET\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_ALIASES = Set.of("where", "set", "on", "join", "left", "right", "inner", "outer", "full",
            "cross", "using", "values", "select", "group", "order", "limit", "natural", "lateral", "returning", "default", "as");
    /** {@code = (SELECT s.api …} or {@code = d.name}: a value read from another table's column. */
    private static final Pattern READ = Pattern.compile("=\\s*(?:\\(\\s*SELECT\\s+(?:DISTINCT\\s+)?)?(" + NAME + ")\\.(\"?[A-Za-z_]\\w*\"?)",
            Pattern.CASE_INSENSITIVE);
    /** Where a statement ends: a semicolon, or the next item or SQL element of a YAML or XML changelog. */
    private static final Pattern STATEMENT_END = Pattern.compile(";|\\n\\s*-\\s+\\w|</?sql\\b");
    /** A statement longer than this is data (a long literal), not a join worth reading. */
    private static final int LONGEST_STATEMENT = 20_000;

    private static final String JOINED = "joined with ";

    private final List<Join> joins = new ArrayList<>();
    /** Columns a backfill reads from another table, as {@code table/column} in written names. */
    private final Set<String> read = new LinkedHashSet<>();

    void scan(String text) {
        for (String statement : STATEMENT_END.split(text)) {
            Matcher updated = UPDATED.matcher(statement);
            if (statement.length() > LONGEST_STATEMENT || !statement.contains("=") || !updated.find()) {
                continue;
            }
            Map<String, String> aliases = new HashMap<>();
            Matcher relation = RELATION.matcher(statement);
            while (relation.find()) {
                String table = TableWrites.normalize(relation.group(1));
                aliases.put(table, table);
                String alias = relation.group(2);
                if (alias != null && !NOT_ALIASES.contains(alias.toLowerCase(Locale.ROOT))) {
                    aliases.put(alias.toLowerCase(Locale.ROOT), table);
                }
            }
            String target = TableWrites.normalize(updated.group(1));
            Matcher reads = READ.matcher(statement);
            while (reads.find()) {
                String table = aliases.get(TableWrites.normalize(reads.group(1)));
                if (table != null && !table.equals(target)) {
                    read.add(table + "/" + TableWrites.normalize(reads.group(2)));
                }
            }
            Matcher equals = EQUALS.matcher(statement);
            while (equals.find()) {
                String left = aliases.get(TableWrites.normalize(equals.group(1)));
                String right = aliases.get(TableWrites.normalize(equals.group(3)));
                if (left != null && right != null && !left.equals(right)) {
                    String leftColumn = TableWrites.normalize(equals.group(2));
                    String rightColumn = TableWrites.normalize(equals.group(4));
                    add(left, leftColumn, right, rightColumn, target);
                }
            }
            Matcher bare = EQUALS_BARE.matcher(statement);
            while (bare.find()) {
                boolean qualifiedFirst = bare.group(1) != null;
                String other = aliases.get(TableWrites.normalize(bare.group(qualifiedFirst ? 1 : 5)));
                String column = bare.group(qualifiedFirst ? 3 : 4);
                if (other != null && !other.equals(target) && !NOT_ALIASES.contains(column.toLowerCase(Locale.ROOT))) {
                    add(target, TableWrites.normalize(column), other, TableWrites.normalize(bare.group(qualifiedFirst ? 2 : 6)), target);
                }
            }
        }
    }

    private void add(String table, String column, String otherTable, String otherColumn, String target) {
        joins.add(new Join(table, column, otherTable, otherColumn, table.equals(target), otherTable.equals(target)));
        joins.add(new Join(otherTable, otherColumn, table, column, otherTable.equals(target), table.equals(target)));
    }

    /**
     * The columns of a table whose values must reach every key of the table they join: a
     * backfill fills that table from its rows ({@code UPDATE plans SET api = (SELECT pa.api FROM
     * plan_apis pa WHERE pa.plan_id = id)}), and a plan without a row here would get NULL.
     */
    static Set<String> covering(Set<Join> joins) {
        Set<String> columns = new LinkedHashSet<>();
        joins.stream().filter(Join::otherFilled).forEach(j -> columns.add(j.column()));
        return columns;
    }

    /**
     * {@code table} with a foreign key for each column a migration joins with another table's
     * unique key, where that table has rows or gets them in this batch ({@code hasRows}): its
     * values are drawn from the keys the join looks for, as production's are. The columns a
     * backfill reads ({@code read}) and the keys it finds its rows by are written without NULLs.
     *
     * @param names the tables that exist now; @param now reads one of them
     */
    static Table withKeys(Table table, Set<Join> joins, Set<String> read, Set<String> names, Predicate<String> hasRows,
                          Function<String, Table> now, ProfilerLog log) {
        Set<String> needed = new LinkedHashSet<>(read); // a NULL here, or in the key the backfill finds its row by, fills NULL
        joins.stream().filter(Join::filled).forEach(j -> needed.add(j.column()));
        // but a foreign key keeps its own rule: made NOT NULL here, a parent without rows would leave the whole table empty
        table.foreignKeys().forEach(fk -> needed.removeAll(fk.columns()));
        List<Column> columns = table.columns().stream().map(c -> needed.contains(c.name()) ? c.asNotNull() : c).toList();
        // a join without a parent's rows to draw from would leave its column NULL: it is left out
        List<ForeignKey> keys = new ArrayList<>(table.foreignKeys().stream().filter(fk -> !isJoin(fk) || hasRows.test(fk.refTable())).toList());
        for (Join join : joins) {
            Column column = table.column(join.column()).orElse(null);
            String parentName = names.stream().filter(n -> TableWrites.names(n, join.otherTable())).findFirst().orElse(null);
            if (column == null || column.generated() || parentName == null || parentName.equals(table.name()) || !hasRows.test(parentName)
                    || keys.stream().anyMatch(fk -> fk.columns().contains(column.name()))) {
                continue;
            }
            Table parent = now.apply(parentName);
            Column key = parent == null ? null : parent.column(join.otherColumn()).orElse(null);
            if (key != null && key.type().name().equals(column.type().name()) && parent.uniqueKeys().contains(List.of(key.name()))) {
                keys.add(new ForeignKey(JOINED + parentName + "." + key.name(), List.of(column.name()), parentName, List.of(key.name())));
                log.debug("Seeding " + table.name() + "." + column.name() + " from the keys of " + parentName + "." + key.name()
                        + ": a migration joins them");
            }
        }
        return new Table(table.oid(), table.name(), columns, table.uniqueKeys(), keys, table.checks(), table.partitionKey(),
                table.partitionBounds(), table.indexes());
    }

    /** A foreign key a migration dropped, kept as a join: seeded values still point at the parent's keys. */
    static ForeignKey formerly(ForeignKey dropped) {
        return new ForeignKey(JOINED + dropped.refTable() + " (formerly " + dropped.name() + ")", dropped.columns(), dropped.refTable(),
                dropped.refColumns());
    }

    /** A key {@link #withKeys} added: no constraint, and no reason to leave a table empty when its parent has no rows. */
    static boolean isJoin(ForeignKey fk) {
        return fk.name().startsWith(JOINED);
    }

    /**
     * The columns of the table named {@code qualified} that a backfill reads to fill another
     * table: {@code s.api} in {@code UPDATE keys SET api = (SELECT s.api FROM subscriptions s …)}.
     * A NULL there fills the other with NULL, which production's rows, judging by the NOT NULL
     * that follows, did not hold.
     */
    Set<String> readColumns(String qualified) {
        Set<String> columns = new LinkedHashSet<>();
        for (String entry : read) {
            int slash = entry.lastIndexOf('/');
            if (TableWrites.names(qualified, entry.substring(0, slash))) {
                columns.add(entry.substring(slash + 1));
            }
        }
        return columns;
    }

    /** The joins of the table named {@code qualified}, seen from its side. */
    Set<Join> of(String qualified) {
        Set<Join> found = new LinkedHashSet<>();
        joins.stream().filter(j -> TableWrites.names(qualified, j.table())).forEach(found::add);
        return found;
    }
}
