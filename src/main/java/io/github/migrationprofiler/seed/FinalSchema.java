package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Expressions;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.SqlType;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.catalog.Tables;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.source.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.IntFunction;

/**
 * What the rehearsal (every migration applied to an empty database) tells the seeder: every
 * constraint each table gets along the way (see {@link Lifetime}), which table each one becomes
 * (renames and rebuilds included), the schema the migrations end with, the key values they insert
 * themselves, what is read out of JSON columns, and the rows each table gets. Rows seeded early
 * must already obey every constraint a later migration adds, or that correct migration fails on
 * the synthetic data.
 */
public final class FinalSchema {

    /** No rehearsal: tables are seeded as they stand. */
    public static final FinalSchema NONE = new FinalSchema(Map.of(), null, Map.of(), new ReservedKeys(), new JsonShapes(),
            new ValueForms(), new JoinedKeys(), new TableWrites());

    private final Map<Long, Table> tables;
    private final TableHistory history;
    private final Map<String, Long> rows;
    private final ReservedKeys reserved;
    private final JsonShapes json;
    private final ValueForms forms;
    private final JoinedKeys joins;
    private final TableWrites writes;

    private FinalSchema(Map<Long, Table> tables, TableHistory history, Map<String, Long> rows, ReservedKeys reserved,
                        JsonShapes json, ValueForms forms, JoinedKeys joins, TableWrites writes) {
        this.tables = tables;
        this.history = history;
        this.rows = rows;
        this.reserved = reserved;
        this.json = json;
        this.forms = forms;
        this.joins = joins;
        this.writes = writes;
    }

    /**
     * Reads the rehearsal's database after the last migration.
     *
     * @param texts       the migrations' own text, where the JSON keys they read show
     * @param jsonSamples sample documents from the configuration, by {@code column} or {@code table.column}
     */
    public static FinalSchema read(Connection rehearsal, TableHistory history, SeedOptions options, Map<Migration, String> texts,
                                   Map<String, String> jsonSamples) throws SQLException {
        Map<String, Table> catalog = Tables.read(rehearsal);
        Map<Long, Table> byOid = new LinkedHashMap<>();
        catalog.values().forEach(t -> byOid.put(t.oid(), t));
        JsonShapes json = new JsonShapes();
        for (Table table : catalog.values()) {
            table.columns().stream().map(Column::expression).filter(Objects::nonNull).forEach(json::scan);
            table.checks().forEach(c -> json.scan(c.definition()));
            table.indexes().forEach(json::scan);
        }
        texts.values().forEach(json::scan);
        ValueForms forms = new ValueForms();
        texts.forEach((migration, text) -> forms.scan(migration.source(), migration.line(), text));
        JoinedKeys joins = new JoinedKeys();
        texts.values().forEach(joins::scan);
        jsonSamples.forEach(json::sample);
        ReservedKeys reserved = history.reserved();
        for (Table table : catalog.values()) {
            reserved.observe(rehearsal, table);
        }
        return new FinalSchema(byOid, history, SeedPlan.rowCounts(catalog, options), reserved, json, forms, joins, history.writes());
    }

    /** This schema with {@code fraction} of the rows planned for each table (one at least, where any were), for a smaller size. */
    public FinalSchema scaled(double fraction) {
        Map<String, Long> scaled = new LinkedHashMap<>();
        rows.forEach((table, count) -> scaled.put(table, count == 0 ? 0 : Math.max(1, Math.round(count * fraction))));
        return new FinalSchema(tables, history, scaled, reserved, json, forms, joins, writes);
    }

    /** Rows planned per final table, by name. */
    public Map<String, Long> plannedRows() {
        return Map.copyOf(rows);
    }

    /** Rows planned for the table {@code table} becomes, or {@code null} when the rehearsal does not know it. */
    Long plannedRows(Table table, Migration at) {
        return finalTable(table.name(), at).map(t -> rows.get(t.name())).orElse(null);
    }

    JsonShapes json() {
        return json;
    }

    /** The form a later migration casts a text column to, by the column's name. */
    ValueForms forms() {
        return forms;
    }

    /**
     * A table that a migration fills {@code table} from through a join and that has no rows to
     * give yet: one of the final schema that does not exist yet (is not among {@code existing}),
     * or one that exists but {@code waits}; {@code null} when there is none.
     */
    String joinedWaiting(Table table, Set<String> existing, Predicate<String> waits) {
        for (JoinedKeys.Join join : joins.of(table.name())) {
            if (!join.filled()) {
                continue;
            }
            String now = existing.stream().filter(name -> TableWrites.names(name, join.otherTable())).findFirst().orElse(null);
            String waiting = now != null ? (waits.test(now) && !now.equals(table.name()) ? now : null)
                    : tables.values().stream().map(Table::name).filter(name -> TableWrites.names(name, join.otherTable()))
                    .findFirst().orElse(null);
            if (waiting != null) {
                return waiting;
            }
        }
        return null;
    }

    /** The columns of {@code table} a backfill reads to fill another table. */
    Set<String> readByBackfills(Table table) {
        return joins.readColumns(table.name());
    }

    /** The columns of {@code table} the migrations join with another table's, without a foreign key. */
    Set<JoinedKeys.Join> joins(Table table) {
        return joins.of(table.name());
    }

    /** Why {@code table} must stay empty for now (a later migration needs it empty), or {@code null}. */
    String mustStayEmpty(Table table, Migration at) {
        List<Step> lineage = lineage(table, at);
        return lineage.isEmpty() ? null : history.emptyAfter(lineage.get(0).oid(), history.tick(at));
    }

    /** The later migration that fills {@code table} by copying rows into it, or {@code null}. */
    String copiedLater(Table table, Migration at) {
        return history == null ? null : writes.copiedLater(table.name(), history.tick(at));
    }

    /** Values of {@code column} (of {@code table} as it stands) the migrations insert themselves, at any time. */
    Set<String> reserved(Table table, Column column, Migration at) {
        Set<String> values = new HashSet<>();
        for (Step step : lineage(table, at)) {
            Lifetime life = history.lifetime(step.oid());
            if (life == null) {
                continue;
            }
            life.names.keySet().forEach(position -> {
                Column now = step.column().apply(position);
                if (now != null && now.position() == column.position()) {
                    values.addAll(reserved.of(step.oid(), position));
                }
            });
        }
        return values;
    }

    /** Values of {@code column} of {@code table} that a migration deletes at some time: foreign keys must not point at them. */
    Set<String> deletedKeys(Table table, Column column, Migration at) {
        List<Step> lineage = lineage(table, at);
        return lineage.isEmpty() ? Set.of() : reserved.deleted(lineage.get(0).oid(), column.position());
    }

    /** The final table that {@code name} (after migration {@code at}) becomes. */
    Optional<Table> finalTable(String name, Migration at) {
        Map<String, Long> names = history == null ? null : history.after(at);
        Table now = names == null || !names.containsKey(name) ? null
                : new Table(names.get(name), name, List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of());
        if (now == null) {
            return tables.values().stream().filter(t -> t.name().equals(name)).findFirst();
        }
        List<Step> lineage = lineage(now, at);
        return lineage.isEmpty() ? Optional.empty() : Optional.ofNullable(tables.get(lineage.get(lineage.size() - 1).oid()));
    }

    /**
     * One table in the line from a table as it stands to its final form: its oid, and which column
     * of the table as it stands each of its positions is.
     */
    private record Step(long oid, IntFunction<Column> column) {
    }

    /**
     * The table itself (columns by position), then any table rebuilt in its place when it was
     * dropped (create a copy, move the rows, drop, rename), its columns by the names they had then.
     */
    private List<Step> lineage(Table current, Migration at) {
        Map<String, Long> names = history == null ? null : history.after(at);
        Long oid = names == null ? null : names.get(current.name());
        if (oid == null) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(oid, position -> current.columnAt(position).orElse(null)));
        Map<String, Integer> originalPositions = null;
        for (int hops = 0; hops < 20; hops++) {
            TableHistory.Dropped dropped = history.dropped(oid);
            if (dropped == null || dropped.replacedBy() == null) {
                break;
            }
            if (originalPositions == null) {
                Map<String, Integer> byName = new HashMap<>();
                dropped.columns().forEach((position, name) -> byName.put(name, position));
                originalPositions = byName;
            }
            oid = dropped.replacedBy();
            Lifetime replacement = history.lifetime(oid);
            Map<String, Integer> byName = originalPositions;
            steps.add(new Step(oid, position -> {
                String name = replacement == null ? null : replacement.names.get(position);
                Integer original = name == null ? null : byName.get(name);
                return original == null ? null : current.columnAt(original).orElse(null);
            }));
        }
        return steps;
    }

    /**
     * {@code current} with every constraint it gets from migration {@code at} on: NOT NULL, unique
     * keys, foreign keys and CHECKs, in today's column names. A foreign key whose parent does not
     * exist yet is marked {@link ForeignKey#parentLater()} (the seeder waits for it, or leaves the key NULL).
     */
    Table effective(Table current, Migration at, Function<String, Table> now) {
        List<Step> lineage = lineage(current, at);
        if (lineage.isEmpty()) {
            return current;
        }
        int tick = history.tick(at);
        Map<String, Column> columns = new LinkedHashMap<>();
        current.columns().forEach(c -> columns.put(c.name(), c));
        Map<String, List<SqlType>> types = new HashMap<>();
        List<List<String>> uniques = new ArrayList<>(current.uniqueKeys());
        List<Check> checks = new ArrayList<>(current.checks());
        List<ForeignKey> foreignKeys = new ArrayList<>(current.foreignKeys());
        for (Step step : lineage) {
            Lifetime life = history.lifetime(step.oid());
            if (life == null) {
                continue;
            }
            for (Object constraint : withCopies(life.from(tick), life)) {
                if (constraint instanceof Lifetime.NotNull notNull) {
                    Column column = step.column().apply(notNull.position());
                    if (column != null) {
                        columns.computeIfPresent(column.name(), (k, c) -> c.asNotNull());
                    }
                } else if (constraint instanceof Lifetime.TypeAt type) {
                    Column column = step.column().apply(type.position());
                    if (column != null) {
                        types.computeIfAbsent(column.name(), k -> new ArrayList<>()).add(type.type());
                    }
                } else if (constraint instanceof Lifetime.Unique unique) {
                    List<String> key = names(unique.positions(), step);
                    if (key != null && !uniques.contains(key)) {
                        uniques.add(key);
                    }
                } else if (constraint instanceof Lifetime.CheckAt check) {
                    Check mapped = renamed(check, step);
                    if (mapped != null && checks.stream().noneMatch(c -> c.name().equals(mapped.name())
                            && c.definition().equals(mapped.definition()))) {
                        checks.add(mapped);
                    }
                } else if (constraint instanceof Lifetime.ForeignKeyAt fk) {
                    ForeignKey mapped = foreignKey(fk, step, current, at, now);
                    if (mapped != null && foreignKeys.stream().noneMatch(k -> k.columns().equals(mapped.columns())
                            && k.refTable().equals(mapped.refTable()))) {
                        foreignKeys.add(mapped);
                    }
                }
            }
        }
        formerForeignKeys(lineage.get(0), tick, current, at, now).stream()
                .filter(former -> foreignKeys.stream().noneMatch(k -> k.columns().equals(former.columns())))
                .forEach(foreignKeys::add);
        return new Table(current.oid(), current.name(), fitted(columns.values(), types, checks), uniques, foreignKeys, checks,
                current.partitionKey(), current.partitionBounds(), current.indexes());
    }

    /** Each column fitting every type it has over time, and NOT NULL where a CHECK requires a value. */
    private static List<Column> fitted(Collection<Column> columns, Map<String, List<SqlType>> types, List<Check> checks) {
        List<Column> merged = new ArrayList<>();
        for (Column column : columns) {
            Column fitted = column;
            for (SqlType later : types.getOrDefault(column.name(), List.of())) {
                fitted = fitted.fitting(later);
            }
            merged.add(ColumnRules.requiresValue(fitted, checks) ? fitted.asNotNull() : fitted);
        }
        return merged;
    }

    /**
     * Foreign keys an earlier migration dropped while keeping their columns, as joins: the rows
     * production wrote meanwhile point at parents all the same, and a later backfill may join on
     * them (Marquez V66.3 joins job_facets.run_uuid to runs after V66.1 dropped that key). Rows
     * seeded all at once after the drop, as a baseline is, would otherwise point nowhere.
     */
    private List<ForeignKey> formerForeignKeys(Step own, int tick, Table current, Migration at, Function<String, Table> now) {
        Lifetime life = history.lifetime(own.oid());
        if (life == null) {
            return List.of();
        }
        List<ForeignKey> former = new ArrayList<>();
        for (Object constraint : life.before(tick)) {
            if (constraint instanceof Lifetime.ForeignKeyAt fk) {
                ForeignKey mapped = foreignKey(fk, own, current, at, now);
                if (mapped != null) {
                    former.add(JoinedKeys.formerly(mapped));
                }
            }
        }
        return former;
    }

    /** A CHECK in the columns' names of this step; {@code null} when one of its columns is gone. */
    private static Check renamed(Lifetime.CheckAt check, Step step) {
        Map<String, String> renames = new HashMap<>();
        check.columns().forEach((name, position) -> {
            Column column = position == null ? null : step.column().apply(position);
            renames.put(name, column == null ? null : column.name());
        });
        return renames.containsValue(null) ? null
                : new Check(check.name(), Expressions.rename(check.definition(), renames), List.copyOf(renames.values()));
    }

    /**
     * The constraints, and the same constraints on the columns a migration filled their columns
     * from ({@code UPDATE t SET a = b}, then a foreign key on {@code a}): {@code b}'s values end up in
     * {@code a}, so they must obey what {@code a} must.
     */
    private static List<Object> withCopies(List<Object> constraints, Lifetime life) {
        if (life.copiedFrom.isEmpty()) {
            return constraints;
        }
        List<Object> all = new ArrayList<>(constraints);
        for (Object constraint : constraints) {
            if (constraint instanceof Lifetime.NotNull n) {
                life.copiedFrom.getOrDefault(n.position(), Set.of()).forEach(source -> all.add(new Lifetime.NotNull(source)));
            } else if (constraint instanceof Lifetime.Unique u && u.positions().size() == 1) {
                life.copiedFrom.getOrDefault(u.positions().get(0), Set.of()).forEach(source -> all.add(new Lifetime.Unique(List.of(source))));
            } else if (constraint instanceof Lifetime.ForeignKeyAt fk && fk.positions().size() == 1) {
                life.copiedFrom.getOrDefault(fk.positions().get(0), Set.of()).forEach(source -> all.add(
                        new Lifetime.ForeignKeyAt(fk.name() + " (copied)", List.of(source), fk.parentOid(), fk.parentPositions())));
            }
        }
        return all;
    }

    private static List<String> names(List<Integer> positions, Step step) {
        List<String> names = new ArrayList<>();
        for (Integer position : positions) {
            Column column = position == null ? null : step.column().apply(position);
            if (column == null) {
                return null;
            }
            names.add(column.name());
        }
        return names;
    }

    /** A foreign key of the lifetime in today's names: the parent as it is called after {@code at}, or marked as coming later. */
    private ForeignKey foreignKey(Lifetime.ForeignKeyAt fk, Step step, Table current, Migration at,
                                  Function<String, Table> now) {
        List<String> columns = names(fk.positions(), step);
        if (columns == null) {
            return null;
        }
        if (fk.parentOid() == step.oid()) {
            List<String> refColumns = names(fk.parentPositions(), step);
            return refColumns == null ? null : new ForeignKey(fk.name(), columns, current.name(), refColumns);
        }
        String parentName = history.after(at).entrySet().stream().filter(e -> e.getValue() == fk.parentOid())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        Table parent = parentName == null ? null : now.apply(parentName);
        if (parent != null) {
            List<String> refColumns = new ArrayList<>();
            for (int position : fk.parentPositions()) {
                Column column = parent.columnAt(position).orElse(null);
                if (column == null) {
                    break;
                }
                refColumns.add(column.name());
            }
            if (refColumns.size() == fk.parentPositions().size()) {
                return new ForeignKey(fk.name(), columns, parentName, refColumns);
            }
        }
        Table later = tables.get(fk.parentOid());
        return new ForeignKey(fk.name(), columns, later != null ? later.name() : "a table created later", List.of(), true);
    }
}
