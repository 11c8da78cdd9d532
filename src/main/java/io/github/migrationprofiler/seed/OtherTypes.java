package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.SqlType;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Values for PostgreSQL's less common built-in types: object ids, money, XML, bit strings, text
 * search, geometry, network addresses, ranges and the {@code hstore}/{@code ltree} extensions.
 * Unique ranges are disjoint, so an exclusion constraint over them holds too.
 */
final class OtherTypes {

    private OtherTypes() {
    }

    /** Values of {@code type}, or {@code null} when this class does not know it. */
    static Values values(SqlType type, long seed, int stream, boolean unique) {
        return switch (type.name()) {
            case "oid", "xid", "cid" -> (row, out) -> out.append(unique ? 16_384 + row : 16_384 + Noise.below(bits(seed, row, stream), 1_000_000));
            case "money" -> (row, out) -> out.append(Noise.below(bits(seed, row, stream), 100_000) / 100.0);
            case "xml" -> (row, out) -> out.append("<item>").append(Words.pick(Words.WORDS, bits(seed, row, stream))).append("</item>");
            case "bit", "varbit" -> {
                int length = Math.max(1, type.length() > 0 ? type.length() : type.name().equals("bit") ? 1 : 8);
                yield (row, out) -> {
                    long bits = unique ? row : bits(seed, row, stream);
                    for (int i = length - 1; i >= 0; i--) {
                        out.append(i < 64 && (bits >>> i & 1) == 1 ? '1' : '0');
                    }
                };
            }
            case "char" -> (row, out) -> out.append((char) ('a' + Noise.below(bits(seed, row, stream), 26)));
            case "tsvector" -> (row, out) -> out.append(Words.pick(Words.WORDS, bits(seed, row, stream))).append(' ')
                    .append(Words.pick(Words.WORDS, bits(seed, row, stream) >>> 17));
            case "tsquery" -> (row, out) -> out.append(Words.pick(Words.WORDS, bits(seed, row, stream)));
            case "macaddr", "macaddr8" -> (row, out) -> {
                long bits = unique ? row : bits(seed, row, stream);
                int bytes = type.name().equals("macaddr") ? 6 : 8;
                for (int i = bytes - 1; i >= 0; i--) {
                    out.append(String.format(Locale.ROOT, "%02x", i == bytes - 1 ? 2 : bits >>> (8 * i) & 0xff));
                    out.append(i > 0 ? ":" : "");
                }
            };
            case "inet", "cidr" -> (row, out) -> {
                long bits = unique ? row : bits(seed, row, stream);
                out.append("10.").append(bits >>> 16 & 0xff).append('.').append(bits >>> 8 & 0xff).append('.')
                        .append(unique ? bits & 0xff : 1 + Noise.below(bits, 254));
            };
            case "int4range", "int8range", "numrange" -> (row, out) -> {
                long from = unique ? row * 10 : Noise.below(bits(seed, row, stream), 10_000);
                out.append('[').append(from).append(',').append(from + 1 + Noise.below(bits(seed, row, stream + 1), 9)).append(')');
            };
            case "daterange", "tsrange", "tstzrange" -> (row, out) -> {
                LocalDate from = LocalDate.of(2000, 1, 1).plusDays(unique ? row * 10 : Noise.below(bits(seed, row, stream), 9_000));
                out.append('[').append(from).append(',').append(from.plusDays(1 + Noise.below(bits(seed, row, stream + 1), 9))).append(')');
            };
            case "hstore" -> (row, out) -> out.append("tag=>").append(Words.pick(Words.WORDS, bits(seed, row, stream)));
            case "ltree" -> (row, out) -> out.append("top.").append(Words.pick(Words.WORDS, bits(seed, row, stream)));
            default -> geometric(type, seed, stream);
        };
    }

    /** Values of a geometric type, or {@code null} for any other. */
    private static Values geometric(SqlType type, long seed, int stream) {
        return switch (type.name()) {
            case "point" -> (row, out) -> point(seed, row, stream, out);
            case "lseg", "box" -> (row, out) -> {
                out.append('(');
                point(seed, row, stream, out);
                out.append(',');
                point(seed, row, stream + 1, out);
                out.append(')');
            };
            case "path", "polygon" -> (row, out) -> {
                out.append('(');
                for (int i = 0; i < 3; i++) {
                    out.append(i > 0 ? "," : "");
                    point(seed, row, stream + i, out);
                }
                out.append(')');
            };
            case "circle" -> (row, out) -> {
                out.append('<');
                point(seed, row, stream, out);
                out.append(',').append(1 + Noise.below(bits(seed, row, stream + 3), 10)).append('>');
            };
            case "line" -> (row, out) -> out.append('{').append(1 + Noise.below(bits(seed, row, stream), 9)).append(",-1,0}");
            default -> null;
        };
    }

    private static void point(long seed, long row, int stream, StringBuilder out) {
        long bits = bits(seed, row, stream);
        out.append('(').append(Noise.below(bits, 360) - 180).append(',').append(Noise.below(bits >>> 20, 180) - 90).append(')');
    }

    private static long bits(long seed, long row, int stream) {
        return Noise.at(seed, row, stream);
    }
}
