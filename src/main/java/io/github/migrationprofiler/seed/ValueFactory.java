package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.SqlType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Picks how one (non-foreign-key) column gets its values, from its type, its name, its
 * constraints and whether it must be unique. Values are functions of the row number: unique
 * columns are built from the row number itself, everything else from {@link Noise}. Every type
 * gets values: the common ones here and in {@link OtherTypes}, any other from a literal the
 * database accepts for it, or NULL or the column's default where the schema allows.
 */
final class ValueFactory {

    /** Timestamps spread over three years before this instant, so date-range queries find realistic data. */
    private static final LocalDateTime EPOCH = LocalDateTime.of(2023, 1, 1, 0, 0);
    private static final long SPAN_SECONDS = 3L * 365 * 24 * 3600;
    /** Always with seconds: {@code LocalDateTime.toString()} drops ":00", and derived columns parse what they follow. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Finds a literal PostgreSQL accepts for a type the generator does not know, or {@code null}. */
    interface TypeLiterals {
        String literal(SqlType type);

        TypeLiterals NONE = type -> null;
    }

    /**
     * One column to generate.
     *
     * @param unique   the column alone must not repeat a value
     * @param reserved values the migrations insert themselves: never generated for a unique column
     * @param json     the keys its JSON documents need, or {@code null}
     */
    record Spec(String table, Column column, ColumnRules rules, boolean unique, Set<String> reserved, JsonShape json) {
    }

    private final long seed;
    private final double nullFraction;
    private final TypeLiterals literals;

    ValueFactory(long seed, double nullFraction, TypeLiterals literals) {
        this.seed = seed;
        this.nullFraction = nullFraction;
        this.literals = literals;
    }

    /**
     * The column's values, or {@code null} to leave it to its default.
     *
     * @param stream distinguishes this column's draws from its neighbours'
     * @throws SeedException when the column needs a value no generator makes (the table becomes a gap)
     */
    Values forColumn(Spec spec, int stream) {
        Values values = notNull(spec, spec.rules(), stream);
        if (values == null || spec.column().notNull() || spec.rules().notNull || spec.unique() || nullFraction <= 0) {
            return values;
        }
        return nullable(values, stream);
    }

    /**
     * The column's values shaped like production's: NULL in its share of the rows (where NULL is
     * allowed), about its number of distinct values, and its commonest values as often as there;
     * {@code null} when the column takes no generated value.
     */
    Values shaped(Spec spec, int stream, ProductionShape.ColumnShape shape, long rows) {
        return new ShapedValues(this, seed).shaped(spec, stream, shape, rows);
    }

    /** {@code values} with NULL in a share of the rows. */
    Values nullable(Values values, int stream) {
        int nullStream = stream + 1000;
        return (row, out) -> {
            if (Noise.unit(Noise.at(seed, row, nullStream)) < nullFraction) {
                out.append(Values.NULL);
            } else {
                values.append(row, out);
            }
        };
    }

    /**
     * How many distinct values the column can take; {@link Long#MAX_VALUE} when that is no limit.
     * A unique key is carried by a column with room for every row.
     */
    long capacity(Spec spec) {
        SqlType type = spec.column().type();
        ColumnRules rules = spec.rules();
        if (!rules.allowed.isEmpty()) {
            return rules.allowed.size();
        }
        if (type.isEnum()) {
            return type.enumLabels().size();
        }
        return switch (type.name()) {
            case "bool" -> 2;
            case "int2", "int4", "int8" -> {
                long[] range = integerRange(spec, true);
                yield range[1] < range[0] ? 0 : Math.min(Long.MAX_VALUE - 1, range[1] - range[0]) + 1;
            }
            case "date", "timestamp", "timestamptz" -> {
                if (rules.lowerText == null || rules.upperText == null) {
                    yield Long.MAX_VALUE;
                }
                long days = LocalDate.parse(rules.lowerText.substring(0, 10)).until(LocalDate.parse(rules.upperText.substring(0, 10)),
                        ChronoUnit.DAYS);
                yield type.name().equals("date") ? days : days * 86_400;
            }
            case "varchar", "bpchar", "text", "citext", "name" -> {
                int limit = Math.min(type.length() > 0 ? type.length() : Integer.MAX_VALUE, rules.maxLength);
                yield rules.pattern != null || limit >= 12 ? Long.MAX_VALUE : (long) Math.pow(36, limit);
            }
            default -> Long.MAX_VALUE;
        };
    }

    /** For a unique key enumerated over few values: the {@code i}-th allowed value of the column. */
    Values enumerated(Spec spec) {
        SqlType type = spec.column().type();
        List<String> options = !spec.rules().allowed.isEmpty() ? spec.rules().allowed
                : type.isEnum() ? type.enumLabels() : type.name().equals("bool") ? List.of("f", "t") : null;
        if (options == null) {
            return null;
        }
        return (i, out) -> Values.appendEscaped(options.get((int) i), out);
    }

    Values notNull(Spec spec, ColumnRules rules, int stream) {
        Column column = spec.column();
        SqlType type = column.type();
        String name = column.name().toLowerCase(Locale.ROOT);
        boolean unique = spec.unique() || column.autoKey();
        if (!rules.allowed.isEmpty()) {
            return unique ? indexed(rules.allowed) : choice(rules.allowed, stream);
        }
        if (type.isEnum()) {
            List<String> labels = type.enumLabels().stream().filter(l -> !rules.excluded.contains(l)).toList();
            return unique ? indexed(labels) : choice(labels.isEmpty() ? type.enumLabels() : labels, stream);
        }
        if (type.isArray()) {
            return array(spec, stream);
        }
        Values values = switch (type.name()) {
            case "int2", "int4", "int8" -> integer(spec, name, unique, stream);
            case "numeric" -> decimal(name, type, rules, unique, stream);
            case "float4", "float8" -> unique ? (row, out) -> out.append(row).append(".5")
                    : (row, out) -> out.append(String.format(Locale.ROOT, "%.4f", unit(row, stream) * 1000));
            case "bool" -> unique ? indexed(List.of("f", "t")) : (row, out) -> out.append(unit(row, stream) < 0.5 ? 't' : 'f');
            case "text", "varchar", "bpchar", "citext", "name" -> new TextValues(seed).string(spec, name, unique, stream);
            case "uuid" -> (row, out) -> out.append(uuid(row, stream));
            case "date" -> {
                LocalDate first = rules.lowerText != null ? LocalDate.parse(rules.lowerText.substring(0, 10)) : LocalDate.of(1900, 1, 1);
                yield unique ? (row, out) -> out.append(first.plusDays(row)) : (row, out) -> out.append(date(name, row, stream, rules));
            }
            case "timestamp", "timestamptz" -> {
                LocalDateTime first = rules.lowerText != null ? LocalDate.parse(rules.lowerText.substring(0, 10)).atStartOfDay() : EPOCH;
                yield unique ? (row, out) -> out.append(first.plusSeconds(row).format(TIMESTAMP))
                        : (row, out) -> out.append(timestamp(row, stream, rules));
            }
            case "time", "timetz" -> (row, out) -> {
                long s = Noise.below(Noise.at(seed, row, stream), 86_400);
                out.append(String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
            };
            case "interval" -> (row, out) -> out.append(1 + Noise.below(Noise.at(seed, row, stream), 720)).append(" minutes");
            case "json", "jsonb" -> json(spec, stream);
            case "bytea" -> (row, out) -> out.append("\\\\x").append(String.format("%016x", Noise.at(seed, row, stream)));
            default -> OtherTypes.values(type, seed, stream, unique);
        };
        return values != null ? values : unsupported(spec);
    }

    /** No generator for the type: NULL where allowed, else the default, else whatever literal the database accepts. */
    private Values unsupported(Spec spec) {
        Column column = spec.column();
        if (!column.notNull()) {
            return (row, out) -> out.append(Values.NULL);
        }
        if (column.hasDefault()) {
            return null; // left out of the COPY column list: the default fills it
        }
        String literal = literals.literal(column.type());
        if (literal != null && !spec.unique()) {
            return (row, out) -> Values.appendEscaped(literal, out);
        }
        throw new SeedException("no value of type " + column.type().display() + " for " + column.name()
                + (literal != null ? ", which must be unique" : "") + " (NOT NULL, no default)");
    }

    private Values integer(Spec spec, String name, boolean unique, int stream) {
        long[] range = integerRange(spec, unique);
        if (unique) {
            long first = range[0];
            return (row, out) -> out.append(first + row);
        }
        ColumnRules rules = spec.rules();
        long[] typical = rules.min != null || rules.max != null ? new long[] {range[0], Math.min(range[1], range[0] + 10_000)}
                : typicalRange(name);
        long lo = Math.max(typical[0], range[0]);
        long hi = Math.min(typical[1], range[1]);
        return (row, out) -> out.append(lo + Noise.skewed(Noise.at(seed, row, stream), hi - lo + 1));
    }

    /** The lowest and highest value allowed; unique values start above every value the migrations insert themselves. */
    private long[] integerRange(Spec spec, boolean unique) {
        ColumnRules rules = spec.rules();
        long limit = switch (spec.column().type().name()) {
            case "int2" -> Short.MAX_VALUE;
            case "int4" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long low = rules.min == null ? 0 : rules.min.setScale(0, RoundingMode.FLOOR).longValue() + (rules.minExclusive ? 1 : 0);
        long high = rules.max == null ? limit : rules.max.setScale(0, RoundingMode.CEILING).longValue() - (rules.maxExclusive ? 1 : 0);
        high = Math.min(high, limit);
        if (unique) {
            long reserved = spec.reserved().stream().filter(v -> v.matches("-?\\d{1,18}")).mapToLong(Long::parseLong).max().orElse(0);
            low = Math.max(Math.max(low, 1), reserved + 1);
            if (limit == Short.MAX_VALUE) {
                high = low + (high - low) / 2; // a smallint key is small by design: leave half of it to the application's own rows
            }
        }
        return new long[] {low, high};
    }

    private static long[] typicalRange(String name) {
        if (name.contains("quantity") || name.contains("qty") || name.contains("count") || name.contains("stock")) {
            return new long[] {1, 10};
        }
        if (name.equals("age")) {
            return new long[] {18, 90};
        }
        if (name.contains("year")) {
            return new long[] {1990, 2026};
        }
        if (name.contains("rating") || name.contains("score") || name.contains("stars")) {
            return new long[] {1, 5};
        }
        if (name.contains("priority") || name.contains("position") || name.contains("rank") || name.contains("sort")) {
            return new long[] {0, 100};
        }
        return new long[] {0, 10_000};
    }

    private Values decimal(String name, SqlType type, ColumnRules rules, boolean unique, int stream) {
        int scale = type.scale() >= 0 ? type.scale() : 2;
        BigDecimal ceiling = type.precision() > 0 ? BigDecimal.TEN.pow(type.precision() - scale).subtract(BigDecimal.ONE) : new BigDecimal(1_000_000);
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        boolean positive = rules.minExclusive || rules.min == null && name.matches(".*(price|amount|cost|total|fee).*");
        BigDecimal low = (rules.min == null ? BigDecimal.ZERO : rules.min).add(positive ? step : BigDecimal.ZERO);
        BigDecimal high = rules.max == null ? ceiling.min(typicalMax(name)) : rules.max.min(ceiling);
        double lo = low.doubleValue();
        double width = Math.max(0, high.doubleValue() - lo);
        if (unique) {
            return (row, out) -> out.append(BigDecimal.valueOf(row).movePointLeft(scale).add(low).toPlainString());
        }
        return (row, out) -> {
            double u = unit(row, stream);
            out.append(BigDecimal.valueOf(lo + u * u * width).setScale(scale, RoundingMode.DOWN).toPlainString());
        };
    }

    private static BigDecimal typicalMax(String name) {
        return name.matches(".*(price|amount|cost|fee).*") ? new BigDecimal(500)
                : name.matches(".*(lat).*") ? new BigDecimal(90) : new BigDecimal(10_000);
    }

    /** Zero to three elements, each made by the element type's own generator and quoted as an array literal requires. */
    private Values array(Spec spec, int stream) {
        SqlType elementType = spec.column().type().element();
        Column element = new Column(spec.column().name(), 0, elementType, true, false, false, null, false, null, List.of());
        Values values = notNull(new Spec(spec.table(), element, new ColumnRules(), false, Set.of(), spec.json()), new ColumnRules(), stream + 100);
        if (values == null || elementType.isArray()) {
            return (row, out) -> out.append("{}");
        }
        return (row, out) -> {
            int n = (int) Noise.below(Noise.at(seed, row, stream), 4);
            StringBuilder item = new StringBuilder();
            out.append('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                item.setLength(0);
                values.append(row * 4 + i, item);
                out.append('"');
                for (int c = 0; c < item.length(); c++) {
                    char ch = item.charAt(c);
                    if (ch == '"') {
                        out.append("\\\\\""); // COPY text of \" inside an array literal
                    } else {
                        out.append(ch == '\\' ? "\\\\" : String.valueOf(ch));
                    }
                }
                out.append('"');
            }
            out.append('}');
        };
    }

    private Values choice(List<String> options, int stream) {
        return (row, out) -> Values.appendEscaped(options.get((int) Noise.skewed(Noise.at(seed, row, stream), options.size())), out);
    }

    /** The row-th of few values: a unique column over them holds at most that many rows (the table is capped to it). */
    private static Values indexed(List<String> options) {
        return (row, out) -> Values.appendEscaped(options.get((int) Math.min(row, options.size() - 1)), out);
    }

    /** Documents with the keys something reads out of them; the generic shape where nothing does. */
    private Values json(Spec spec, int stream) {
        JsonShape shape = spec.json();
        if (shape == null || shape.isEmpty()) {
            return (row, out) -> {
                long bits = Noise.at(seed, row, stream);
                out.append("{\"id\": ").append(row).append(", \"tag\": \"").append(Words.pick(Words.WORDS, bits))
                        .append("\", \"score\": ").append(Noise.below(bits >>> 8, 100)).append('}');
            };
        }
        return (row, out) -> {
            StringBuilder doc = new StringBuilder(64);
            shape.append(seed, row, stream, doc);
            Values.appendEscaped(doc.toString(), out);
        };
    }

    private String uuid(long row, int stream) {
        long high = Noise.at(seed, row, stream);
        long low = Noise.at(seed, row, stream + 7_777);
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    private String date(String name, long row, int stream, ColumnRules rules) {
        long bits = Noise.at(seed, row, stream);
        if (rules.lowerText != null && rules.upperText != null) {
            String[] range = range(rules, bits);
            LocalDate from = LocalDate.parse(range[0].substring(0, 10));
            LocalDate to = LocalDate.parse(range[1].substring(0, 10));
            return from.plusDays(Noise.below(bits >>> 8, Math.max(1, to.toEpochDay() - from.toEpochDay()))).toString();
        }
        if (name.contains("birth") || name.equals("dob")) {
            return LocalDate.of(1950, 1, 1).plusDays(Noise.below(bits, 55L * 365)).toString();
        }
        return EPOCH.toLocalDate().plusDays(Noise.below(bits, SPAN_SECONDS / 86_400)).toString();
    }

    private String timestamp(long row, int stream, ColumnRules rules) {
        long bits = Noise.at(seed, row, stream);
        if (rules.lowerText != null && rules.upperText != null) {
            String[] range = range(rules, bits);
            LocalDateTime from = LocalDate.parse(range[0].substring(0, 10)).atStartOfDay();
            LocalDateTime to = LocalDate.parse(range[1].substring(0, 10)).atStartOfDay();
            long span = Duration.between(from, to).getSeconds();
            return from.plusSeconds(Noise.below(bits >>> 8, Math.max(1, span))).format(TIMESTAMP);
        }
        return EPOCH.plusSeconds(Noise.below(bits, SPAN_SECONDS)).format(TIMESTAMP);
    }

    /** One partition's range, or the whole span where the bounds are not partitions. */
    private static String[] range(ColumnRules rules, long bits) {
        return rules.ranges.isEmpty() ? new String[] {rules.lowerText, rules.upperText}
                : rules.ranges.get((int) Noise.below(bits, rules.ranges.size()));
    }

    private long bits(long row, int stream) {
        return Noise.at(seed, row, stream);
    }

    private double unit(long row, int stream) {
        return Noise.unit(Noise.at(seed, row, stream));
    }
}
