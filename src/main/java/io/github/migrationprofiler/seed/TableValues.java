package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * How every written column of one table gets its values, row by row. Each unique key is kept by
 * one of its columns with room for every row, or, where none has (a key of two foreign keys, of
 * a foreign key and a status), by counting through the combinations of its columns; the table
 * then has no more rows than there are combinations. Columns of one foreign key share one
 * choice of parent row per row, so composite keys stay consistent; the choice is skewed (a few
 * parents own many children) and points only at earlier rows for a self-reference. A column
 * compared with another ({@code ends_at >= starts_at}) is derived from it.
 */
final class TableValues {

    /** Looks up how a parent table's keys are found. */
    interface Parents {
        ParentKeys keys(ForeignKey fk);
    }

    /** What a database test decided for a column: always NULL, or left to its default. */
    enum Override { NULL, DEFAULT }

    /** Everything about the table's columns that does not come from the table itself. */
    record Context(long seed, double nullFraction, Set<String> nulledForeignKeys, Parents parents,
                   Function<Column, Set<String>> reserved, Function<Column, JsonShape> json,
                   Function<Column, RegexSample> patterns, Function<Column, ValueForms.Learned> forms, ValueFactory.TypeLiterals literals,
                   Map<String, Override> overrides, Function<Column, ProductionShape.ColumnShape> shapes, Set<String> covering) {
    }

    private static final long NO_PARENT = -1;

    private final Table table;
    private final long rows;
    private final String capped;
    private final Map<String, Values> columns;
    private final Map<String, ValueForms.Learned> forms;

    private TableValues(Table table, long rows, String capped, Map<String, Values> columns, Map<String, ValueForms.Learned> forms) {
        this.table = table;
        this.rows = rows;
        this.capped = capped;
        this.columns = columns;
        this.forms = forms;
    }

    String name() {
        return table.name();
    }

    long rows() {
        return rows;
    }

    /** Why the table got fewer rows than planned, or {@code null}. */
    String capped() {
        return capped;
    }

    Map<String, Values> columns() {
        return columns;
    }

    /** The columns whose values take the form a later migration reads them in, with that form. */
    Map<String, ValueForms.Learned> forms() {
        return forms;
    }

    /** Whether {@code columns} of {@code now} are still the columns this table's values were made for (same position and type). */
    boolean sameColumns(Table now, List<String> columns) {
        for (String name : columns) {
            Column then = table.column(name).orElse(null);
            Column current = now.column(name).orElse(null);
            if (then == null || current == null || then.position() != current.position() || !then.type().name().equals(current.type().name())) {
                return false;
            }
        }
        return true;
    }

    Values column(String name) {
        Values values = columns.get(name);
        if (values == null) {
            throw new SeedException("column " + table.name() + "." + name + " is referenced by a foreign key but not generated");
        }
        return values;
    }

    static TableValues build(Table table, long requestedRows, Context context) {
        long tableSeed = context.seed() ^ Noise.hash(table.name());
        ValueFactory factory = new ValueFactory(tableSeed, context.nullFraction(), context.literals());
        Map<String, ForeignKey> fkOfColumn = new HashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            fk.columns().forEach(c -> fkOfColumn.putIfAbsent(c, fk));
        }
        Map<String, ValueForms.Learned> forms = new LinkedHashMap<>();
        Map<String, ValueFactory.Spec> specs = specs(table, fkOfColumn, context, forms);
        Map<ForeignKey, ParentKeys> parentKeys = parentKeys(table, context);
        Keys keys = Keys.plan(table, specs, fkOfColumn, parentKeys, factory, context.overrides(), requestedRows);
        long rows = Math.min(requestedRows, keys.limit);
        TableValues values = new TableValues(table, rows, rows < requestedRows ? keys.limitReason : null, new LinkedHashMap<>(), forms);
        Map<ForeignKey, LongUnaryOperator> choosers = new HashMap<>();
        int stream = 0;
        for (Column column : table.columns()) {
            stream += 10;
            Override override = context.overrides().get(column.name());
            if (column.generated() || override == Override.DEFAULT) {
                continue;
            }
            if (override == Override.NULL) {
                values.columns.put(column.name(), (row, out) -> out.append(Values.NULL));
                continue;
            }
            ForeignKey fk = fkOfColumn.get(column.name());
            Values generated;
            if (fk == null) {
                ValueFactory.Spec spec = specs.get(column.name());
                Keys.Digit digit = keys.digits.get(column.name());
                if (digit != null) {
                    Values nth = factory.forColumn(unique(spec), stream);
                    generated = (row, out) -> nth.append(digit.of(row), out);
                } else if (keys.carriers.contains(column.name()) || spec.unique()) {
                    generated = factory.forColumn(unique(spec), stream);
                } else {
                    ProductionShape.ColumnShape shape = context.shapes().apply(column);
                    Values shaped = shape == null ? null : factory.shaped(spec, stream, shape, rows);
                    generated = shaped != null ? shaped : factory.forColumn(spec, stream);
                }
            } else {
                LongUnaryOperator chooser = choosers.get(fk);
                if (chooser == null) {
                    chooser = chooser(table, fk, rows, tableSeed, stream, context, parentKeys.get(fk), keys);
                    choosers.put(fk, chooser);
                }
                generated = foreignKeyColumn(values, fk, fk.columns().indexOf(column.name()), chooser, parentKeys.get(fk));
            }
            if (generated != null) {
                values.columns.put(column.name(), generated);
            }
        }
        derive(values, table, specs, keys, factory, context.overrides());
        return values;
    }

    /**
     * What each column that is neither generated by the database nor a foreign key gets its values
     * by; the columns that take a learned form are added to {@code forms}.
     */
    private static Map<String, ValueFactory.Spec> specs(Table table, Map<String, ForeignKey> fkOfColumn, Context context,
                                                         Map<String, ValueForms.Learned> forms) {
        Map<String, ValueFactory.Spec> specs = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (!column.generated() && !fkOfColumn.containsKey(column.name())) {
                ColumnRules rules = ColumnRules.of(column, table.checks(), table.partitionKey(), table.partitionBounds());
                RegexSample configured = context.patterns().apply(column);
                ValueForms.Learned form = context.forms().apply(column);
                if (configured != null) {
                    rules.pattern = configured;
                } else if (form != null && rules.pattern == null && rules.allowed.isEmpty()) {
                    rules.pattern = form.sample(); // the form a later cast reads, unless a CHECK already says what the values are
                    forms.put(column.name(), form);
                }
                specs.put(column.name(), new ValueFactory.Spec(table.name(), column, rules, false, context.reserved().apply(column),
                        context.json().apply(column)));
            }
        }
        return specs;
    }

    /** The keys each foreign key may point at; none for one the plan leaves NULL or that points at its own table. */
    private static Map<ForeignKey, ParentKeys> parentKeys(Table table, Context context) {
        Map<ForeignKey, ParentKeys> parentKeys = new LinkedHashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (!context.nulledForeignKeys().contains(SeedPlan.key(table, fk)) && !fk.refTable().equals(table.name())) {
                parentKeys.put(fk, fk.parentLater() ? ParentKeys.NONE : context.parents().keys(fk));
            }
        }
        return parentKeys;
    }

    private static ValueFactory.Spec unique(ValueFactory.Spec spec) {
        return new ValueFactory.Spec(spec.table(), spec.column(), spec.rules(), true, spec.reserved(), spec.json());
    }

    /**
     * Columns compared with another column ({@code a >= b}) take the other's value, shifted the
     * right way. When {@code a} is pinned (the partition key, a unique key's carrier), {@code b}
     * follows {@code a} instead.
     */
    private static void derive(TableValues values, Table table, Map<String, ValueFactory.Spec> specs, Keys keys,
                               ValueFactory factory, Map<String, Override> overrides) {
        Predicate<String> pinned = name -> keys.carriers.contains(name) || keys.digits.containsKey(name)
                || overrides.containsKey(name) || !values.columns.containsKey(name) || name.equals(table.partitionKey());
        Set<String> derived = new HashSet<>();
        for (ValueFactory.Spec spec : specs.values()) {
            for (ColumnRules.Relation relation : spec.rules().relations) {
                String left = spec.column().name();
                String right = relation.other();
                if (!specs.containsKey(right) && !values.columns.containsKey(right)) {
                    continue;
                }
                if (!pinned.test(left) && !derived.contains(right)) {
                    follow(values, specs.get(left), relation.op(), right, factory);
                    derived.add(left);
                } else if (specs.containsKey(right) && !pinned.test(right) && !derived.contains(left)) {
                    follow(values, specs.get(right), ColumnRules.Relation.mirror(relation.op()), left, factory);
                    derived.add(right);
                }
            }
        }
    }

    /** {@code spec}'s column becomes {@code other}'s value shifted so that {@code column op other} holds. */
    private static void follow(TableValues values, ValueFactory.Spec spec, String op, String other, ValueFactory factory) {
        String name = spec.column().name();
        Values base = values.columns.get(other);
        Values own = values.columns.get(name);
        long seed = Noise.hash(name + "/" + other);
        Values derived = (row, out) -> {
            StringBuilder text = new StringBuilder(32);
            base.append(row, text);
            String shifted = text.toString().equals(Values.NULL) ? null : shift(text.toString(), op, Noise.at(seed, row, 1));
            if (shifted == null) {
                own.append(row, out);
            } else {
                out.append(shifted);
            }
        };
        values.columns.put(name, spec.column().notNull() ? derived : factory.nullable(derived, 7_000 + Math.floorMod(name.hashCode(), 1000)));
    }

    /** {@code value} (a number, date or timestamp as COPY text) moved so that {@code result op value} holds; null when it is none of those. */
    static String shift(String value, String op, long bits) {
        long magnitude = Noise.skewed(bits, 30);
        long delta = switch (op) {
            case ">", "<>", "!=" -> 1 + magnitude;
            case ">=" -> magnitude;
            case "<" -> -1 - magnitude;
            case "<=" -> -magnitude;
            default -> 0;
        };
        if (op.equals("<>") || op.equals("!=")) {
            delta = (bits & 1) == 0 ? delta : -delta;
        }
        try {
            if (value.matches("-?\\d+(\\.\\d+)?")) {
                return new BigDecimal(value).add(BigDecimal.valueOf(delta)).toPlainString();
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).plusDays(delta).toString();
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
                LocalDateTime at = LocalDateTime.parse(value.substring(0, 19).replace(' ', 'T'));
                return at.plusSeconds(delta * 3_617).format(ValueFactory.TIMESTAMP); // about an hour per step: spans of hours to days
            }
        } catch (RuntimeException notThatKind) {
            return null;
        }
        return null;
    }

    /** Which parent row each row points at, or {@link #NO_PARENT} for NULL. */
    private static LongUnaryOperator chooser(Table table, ForeignKey fk, long rows, long seed, int stream, Context context,
                                             ParentKeys keys, Keys plan) {
        boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).map(col -> !col.notNull()).orElse(false));
        if (context.nulledForeignKeys().contains(SeedPlan.key(table, fk))) {
            return row -> NO_PARENT;
        }
        double nulls = nullable ? context.nullFraction() : 0;
        if (fk.refTable().equals(table.name())) {
            if (plan.uniqueSelfReferences.contains(fk)) {
                return row -> nullable ? row == 0 ? NO_PARENT : row - 1 : row; // a chain, or each row its own
            }
            // self-reference: an earlier row, or the row itself where NULL is not allowed
            return row -> nullable && (row == 0 || Noise.unit(Noise.at(seed, row, stream + 1)) < nulls) ? NO_PARENT
                    : nullable ? Noise.skewed(Noise.at(seed, row, stream), row) : Noise.skewed(Noise.at(seed, row, stream), row + 1);
        }
        long count = keys.count();
        if (count == 0) {
            return row -> NO_PARENT; // only reached for nullable keys: a NOT NULL key without parents leaves the table empty
        }
        Keys.Digit digit = plan.foreignKeyDigits.get(fk);
        if (digit != null) {
            return digit::of;
        }
        LongUnaryOperator skewed = row -> nulls > 0 && Noise.unit(Noise.at(seed, row, stream + 1)) < nulls ? NO_PARENT
                : Noise.skewed(Noise.at(seed, row, stream), count);
        // a backfill fills the parent from these rows: the first ones reach every parent, the others keep the skew
        return context.covering().containsAll(fk.columns()) ? row -> row < count ? row : skewed.applyAsLong(row) : skewed;
    }

    private static Values foreignKeyColumn(TableValues self, ForeignKey fk, int index, LongUnaryOperator chooser, ParentKeys keys) {
        if (fk.parentLater()) {
            return (row, out) -> out.append(Values.NULL); // no parent row exists yet (NOT NULL keys wait for it instead)
        }
        String refColumn = fk.refColumns().get(index);
        return (row, out) -> {
            long parent = chooser.applyAsLong(row);
            if (parent == NO_PARENT) {
                out.append(Values.NULL);
            } else if (keys == null) {
                self.column(refColumn).append(parent, out); // self-reference: this table's own key at an earlier row
            } else {
                keys.append(index, parent, out);
            }
        };
    }

    /**
     * How the unique keys are kept: columns that are unique alone (carriers), and keys counted
     * through their columns' combinations (digits), with the number of rows that allows.
     */
    private static final class Keys {

        /** A position in a mixed-radix count: {@code (row / stride) % base}. */
        record Digit(long stride, long base) {
            long of(long row) {
                return (row / stride) % base;
            }
        }

        final List<String> carriers = new ArrayList<>();
        final Map<String, Digit> digits = new HashMap<>();
        final Map<ForeignKey, Digit> foreignKeyDigits = new HashMap<>();
        final List<ForeignKey> uniqueSelfReferences = new ArrayList<>();
        long limit = Long.MAX_VALUE;
        String limitReason;

        static Keys plan(Table table, Map<String, ValueFactory.Spec> specs, Map<String, ForeignKey> fkOfColumn,
                         Map<ForeignKey, ParentKeys> parents, ValueFactory factory, Map<String, Override> overrides, long rows) {
            Keys keys = new Keys();
            List<List<String>> uniqueKeys = new ArrayList<>(table.uniqueKeys());
            uniqueKeys.sort(Comparator.comparingInt(List::size));
            for (List<String> key : uniqueKeys) {
                if (key.stream().anyMatch(c -> keys.carriers.contains(c) || overrides.get(c) == Override.NULL
                        || fkOfColumn.containsKey(c) && parents.containsKey(fkOfColumn.get(c)) && parents.get(fkOfColumn.get(c)).count() == 0)) {
                    continue; // a column unique alone, or always NULL (NULLs never collide; so is a key whose parent has no rows), keeps the key
                }
                List<ForeignKey> selfReferences = key.stream().map(fkOfColumn::get)
                        .filter(fk -> fk != null && fk.refTable().equals(table.name())).distinct().toList();
                if (key.size() == 1 && selfReferences.size() == 1) {
                    keys.uniqueSelfReferences.add(selfReferences.get(0));
                    continue;
                }
                ValueFactory.Spec best = key.stream().map(specs::get).filter(s -> s != null && !overrides.containsKey(s.column().name())
                                && !keys.digits.containsKey(s.column().name()))
                        .max(Comparator.comparingLong(s -> factory.capacity(unique(s)))).orElse(null);
                if (best != null && factory.capacity(unique(best)) >= rows) {
                    keys.carriers.add(best.column().name());
                } else {
                    keys.count(table, key, specs, fkOfColumn, parents, factory, overrides);
                }
            }
            return keys;
        }

        /** Counts through the combinations of the key's columns (foreign keys by parent row, other columns by value). */
        private void count(Table table, List<String> key, Map<String, ValueFactory.Spec> specs, Map<String, ForeignKey> fkOfColumn,
                           Map<ForeignKey, ParentKeys> parents, ValueFactory factory, Map<String, Override> overrides) {
            long stride = 1;
            boolean any = false;
            for (String column : key) {
                ForeignKey fk = fkOfColumn.get(column);
                if (fk != null) {
                    ParentKeys parentKeys = parents.get(fk);
                    if (parentKeys == null || foreignKeyDigits.containsKey(fk)) {
                        continue;
                    }
                    foreignKeyDigits.put(fk, new Digit(stride, Math.max(1, parentKeys.count())));
                    stride = multiply(stride, parentKeys.count());
                    any = true;
                } else if (specs.containsKey(column) && !overrides.containsKey(column) && !digits.containsKey(column)
                        && !carriers.contains(column)) {
                    long capacity = factory.capacity(unique(specs.get(column)));
                    digits.put(column, new Digit(stride, Math.max(1, Math.min(capacity, Long.MAX_VALUE / 2))));
                    stride = multiply(stride, capacity);
                    any = true;
                }
            }
            if (any && stride < limit) {
                limit = stride;
                limitReason = "unique key (" + String.join(", ", key) + ") allows only " + String.format(Locale.ROOT, "%,d", stride)
                        + " distinct values";
            }
        }

        private static long multiply(long a, long b) {
            return b == 0 ? 0 : a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
        }
    }
}
