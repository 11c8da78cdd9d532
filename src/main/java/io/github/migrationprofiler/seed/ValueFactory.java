package io.github.migrationprofiler.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Picks how one (non-foreign-key) column gets its values, from its type, its name, its
 * constraints and whether it must be unique. Values are functions of the row number: unique
 * columns are built from the row number itself, everything else from {@link Noise}.
 */
final class ValueFactory {

    /** Timestamps spread over three years before this instant, so date-range queries find realistic data. */
    private static final LocalDateTime EPOCH = LocalDateTime.of(2023, 1, 1, 0, 0);
    private static final long SPAN_SECONDS = 3L * 365 * 24 * 3600;

    private final long seed;
    private final double nullFraction;

    ValueFactory(long seed, double nullFraction) {
        this.seed = seed;
        this.nullFraction = nullFraction;
    }

    /**
     * @param stream  distinguishes this column's draws from its neighbours'
     * @param unique  the column alone must not repeat a value
     */
    Values forColumn(String table, Column column, ColumnRules rules, boolean unique, int stream) {
        Values values = notNull(table, column, rules, unique, stream);
        if (column.notNull() || unique || nullFraction <= 0) {
            return values;
        }
        int nullStream = stream + 1000;
        return (row, out) -> {
            if (Noise.unit(Noise.at(seed, row, nullStream)) < nullFraction) {
                out.append(Values.NULL);
            } else {
                values.append(row, out);
            }
        };
    }

    private Values notNull(String table, Column column, ColumnRules rules, boolean unique, int stream) {
        SqlType type = column.type();
        String name = column.name().toLowerCase(Locale.ROOT);
        if (!rules.allowed.isEmpty()) {
            return unique ? indexed(table, column, rules.allowed::get, rules.allowed.size()) : choice(rules.allowed, stream);
        }
        if (type.isEnum()) {
            return unique ? indexed(table, column, type.enumLabels()::get, type.enumLabels().size()) : choice(type.enumLabels(), stream);
        }
        if (type.isArray()) {
            return array(type.element(), stream);
        }
        return switch (type.name()) {
            case "int2", "int4", "int8" -> integer(name, type, rules, unique || column.autoKey(), stream);
            case "numeric" -> decimal(name, type, rules, unique, stream);
            case "float4", "float8" -> text(row -> String.format(Locale.ROOT, "%.4f", unit(row, stream) * 1000), unique, row -> row + 0.5 + "");
            case "bool" -> unique ? indexed(table, column, i -> i == 0 ? "f" : "t", 2) : (row, out) -> out.append(unit(row, stream) < 0.5 ? 't' : 'f');
            case "text", "varchar", "bpchar", "citext", "name" -> string(table, column, name, rules, unique, stream);
            case "uuid" -> (row, out) -> out.append(uuid(row, stream));
            case "date" -> unique ? (row, out) -> out.append(LocalDate.of(1900, 1, 1).plusDays(row))
                    : (row, out) -> out.append(date(name, row, stream, rules));
            case "timestamp", "timestamptz" -> unique ? (row, out) -> out.append(EPOCH.plusSeconds(row))
                    : (row, out) -> out.append(timestamp(row, stream, rules));
            case "time", "timetz" -> (row, out) -> {
                long s = Noise.below(Noise.at(seed, row, stream), 86_400);
                out.append(String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
            };
            case "interval" -> (row, out) -> out.append(1 + Noise.below(Noise.at(seed, row, stream), 720)).append(" minutes");
            case "json", "jsonb" -> (row, out) -> {
                long bits = Noise.at(seed, row, stream);
                out.append("{\"id\": ").append(row).append(", \"tag\": \"").append(Words.pick(Words.WORDS, bits))
                        .append("\", \"score\": ").append(Noise.below(bits >>> 8, 100)).append('}');
            };
            case "bytea" -> (row, out) -> out.append("\\\\x").append(String.format("%016x", Noise.at(seed, row, stream)));
            case "inet", "cidr" -> (row, out) -> {
                long bits = Noise.at(seed, row, stream);
                out.append("10.").append(bits >>> 16 & 0xff).append('.').append(bits >>> 8 & 0xff).append('.').append(1 + Noise.below(bits, 254));
            };
            default -> unsupported(table, column);
        };
    }

    private Values unsupported(String table, Column column) {
        if (column.hasDefault()) {
            return null; // left out of the COPY column list: the default fills it
        }
        throw new SeedException("Cannot generate values of type " + column.type().display() + " for " + table + "."
                + column.name() + ". Give the column a default or make it nullable, or leave the table empty with "
                + "<rowCounts><" + Table.shortName(table) + ">0</" + Table.shortName(table) + "></rowCounts>.");
    }

    private Values integer(String name, SqlType type, ColumnRules rules, boolean unique, int stream) {
        long limit = switch (type.name()) {
            case "int2" -> Short.MAX_VALUE;
            case "int4" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long low = rules.min == null ? 0 : rules.min.setScale(0, RoundingMode.FLOOR).longValue() + (rules.minExclusive ? 1 : 0);
        long high = rules.max == null ? limit : rules.max.setScale(0, RoundingMode.CEILING).longValue() - (rules.maxExclusive ? 1 : 0);
        if (unique) {
            long first = Math.max(low, 1);
            return (row, out) -> out.append(first + row);
        }
        long[] range = rules.min != null || rules.max != null ? new long[] {low, Math.min(high, low + 10_000)} : typicalRange(name);
        long lo = Math.max(range[0], low);
        long hi = Math.min(range[1], high);
        return (row, out) -> out.append(lo + Noise.skewed(Noise.at(seed, row, stream), hi - lo + 1));
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

    private Values string(String table, Column column, String name, ColumnRules rules, boolean unique, int stream) {
        int limit = Math.min(column.type().length() > 0 ? column.type().length() : Integer.MAX_VALUE, rules.maxLength);
        int minLength = rules.minLength;
        if (unique) {
            String prefix = name.contains("email") ? "user" : name.contains("slug") || name.contains("name") || name.contains("login") ? name.replace('_', '-') + "-" : "";
            String suffix = name.contains("email") ? "@example.com" : "";
            return (row, out) -> {
                String id = Long.toString(row, 36);
                String value = prefix + id + suffix;
                if (value.length() > limit) {
                    value = id.length() <= limit ? id : null;
                }
                if (value == null) {
                    throw new SeedException(table + "." + column.name() + " (" + column.type().display() + ") is unique but "
                            + "too short for " + (row + 1) + " distinct values. Lower its row count with <rowCounts><"
                            + Table.shortName(table) + ">…</" + Table.shortName(table) + "></rowCounts>.");
                }
                pad(value, minLength, out);
            };
        }
        LongFunction<String> words = wordsFor(name, stream);
        return (row, out) -> {
            String value = words.apply(row);
            Values.appendEscaped(value.length() > limit ? value.substring(0, limit).stripTrailing() : value, out);
            for (int i = Math.min(value.length(), limit); i < minLength; i++) {
                out.append('x');
            }
        };
    }

    private static void pad(String value, int minLength, StringBuilder out) {
        Values.appendEscaped(value, out);
        for (int i = value.length(); i < minLength; i++) {
            out.append('0');
        }
    }

    private LongFunction<String> wordsFor(String name, int stream) {
        if (name.contains("email")) {
            return row -> Words.pick(Words.FIRST, bits(row, stream)).toLowerCase(Locale.ROOT) + "." + row + "@example.com";
        }
        if (name.contains("first")) {
            return row -> Words.pick(Words.FIRST, bits(row, stream));
        }
        if (name.contains("last") || name.contains("surname")) {
            return row -> Words.pick(Words.LAST, bits(row, stream));
        }
        if (name.contains("name") && !name.contains("file")) {
            return row -> Words.pick(Words.FIRST, bits(row, stream)) + " " + Words.pick(Words.LAST, bits(row, stream) >>> 20);
        }
        if (name.contains("url") || name.contains("link") || name.contains("website") || name.contains("href")) {
            return row -> "https://shop.example.com/" + Words.pick(Words.WORDS, bits(row, stream)) + "/" + row;
        }
        if (name.contains("phone")) {
            return row -> String.format(Locale.ROOT, "+1-555-%04d", Noise.below(bits(row, stream), 10_000));
        }
        if (name.contains("city")) {
            return row -> Words.pick(Words.CITIES, bits(row, stream));
        }
        if (name.contains("country")) {
            return row -> Words.pick(Words.COUNTRIES, bits(row, stream));
        }
        if (name.contains("status") || name.contains("state")) {
            return row -> Words.STATUSES.get((int) Noise.skewed(bits(row, stream), Words.STATUSES.size()));
        }
        if (name.matches(".*(description|body|comment|note|content|text|bio|summary|message).*")) {
            return row -> sentence(bits(row, stream), 5 + (int) Noise.below(bits(row, stream + 500), 35));
        }
        return row -> sentence(bits(row, stream), 2 + (int) Noise.below(bits(row, stream + 500), 4));
    }

    private static String sentence(long bits, int words) {
        StringBuilder text = new StringBuilder();
        long b = bits;
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            String word = Words.pick(Words.WORDS, b);
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            b = Long.rotateLeft(b * 0x9E3779B97F4A7C15L + 1, 17);
        }
        return text.toString();
    }

    private Values array(SqlType element, int stream) {
        return (row, out) -> {
            long bits = Noise.at(seed, row, stream);
            int n = (int) Noise.below(bits, 4);
            out.append('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                long b = Noise.at(seed, row, stream + 100 + i);
                if (element.isEnum()) {
                    out.append('"').append(Words.pick(element.enumLabels(), b)).append('"');
                } else if (element.name().startsWith("int") || element.name().equals("numeric")) {
                    out.append(Noise.below(b, 1000));
                } else {
                    out.append(Words.pick(Words.WORDS, b));
                }
            }
            out.append('}');
        };
    }

    private Values choice(List<String> options, int stream) {
        return (row, out) -> Values.appendEscaped(options.get((int) Noise.skewed(Noise.at(seed, row, stream), options.size())), out);
    }

    private Values indexed(String table, Column column, java.util.function.IntFunction<String> value, int distinct) {
        return (row, out) -> {
            if (row >= distinct) {
                throw new SeedException(table + "." + column.name() + " is unique but has only " + distinct
                        + " possible values. Lower its row count with <rowCounts><" + Table.shortName(table) + ">"
                        + distinct + "</" + Table.shortName(table) + "></rowCounts>.");
            }
            Values.appendEscaped(value.apply((int) row), out);
        };
    }

    private Values text(LongFunction<String> random, boolean unique, LongFunction<String> indexed) {
        LongFunction<String> source = unique ? indexed : random;
        return (row, out) -> out.append(source.apply(row));
    }

    private String uuid(long row, int stream) {
        long high = Noise.at(seed, row, stream);
        long low = Noise.at(seed, row, stream + 7_777);
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new java.util.UUID(high, low).toString();
    }

    private String date(String name, long row, int stream, ColumnRules rules) {
        long bits = Noise.at(seed, row, stream);
        if (rules.lowerText != null && rules.upperText != null) {
            LocalDate from = LocalDate.parse(rules.lowerText.substring(0, 10));
            LocalDate to = LocalDate.parse(rules.upperText.substring(0, 10));
            return from.plusDays(Noise.below(bits, Math.max(1, to.toEpochDay() - from.toEpochDay()))).toString();
        }
        if (name.contains("birth") || name.equals("dob")) {
            return LocalDate.of(1950, 1, 1).plusDays(Noise.below(bits, 55L * 365)).toString();
        }
        return EPOCH.toLocalDate().plusDays(Noise.below(bits, SPAN_SECONDS / 86_400)).toString();
    }

    private String timestamp(long row, int stream, ColumnRules rules) {
        long bits = Noise.at(seed, row, stream);
        if (rules.lowerText != null && rules.upperText != null) {
            LocalDateTime from = LocalDate.parse(rules.lowerText.substring(0, 10)).atStartOfDay();
            LocalDateTime to = LocalDate.parse(rules.upperText.substring(0, 10)).atStartOfDay();
            long span = java.time.Duration.between(from, to).getSeconds();
            return from.plusSeconds(Noise.below(bits, Math.max(1, span))).toString().replace('T', ' ');
        }
        return EPOCH.plusSeconds(Noise.below(bits, SPAN_SECONDS)).toString().replace('T', ' ');
    }

    private long bits(long row, int stream) {
        return Noise.at(seed, row, stream);
    }

    private double unit(long row, int stream) {
        return Noise.unit(Noise.at(seed, row, stream));
    }
}
