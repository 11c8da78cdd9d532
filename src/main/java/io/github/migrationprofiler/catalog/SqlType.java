package io.github.migrationprofiler.catalog;

import java.util.List;
import java.util.Set;

/**
 * A column's effective type (domains resolved to their base type).
 *
 * @param name       PostgreSQL type name as in pg_type ({@code int4}, {@code varchar}, {@code timestamptz}, …)
 * @param display    {@code format_type} text, for messages ({@code character varying(255)})
 * @param length     character limit of varchar(n)/char(n), else -1
 * @param precision  numeric precision, else -1
 * @param scale      numeric scale, else -1
 * @param enumLabels labels of an enum type, in order; empty otherwise
 * @param element    the element type of an array, else {@code null}
 */
public record SqlType(String name, String display, int length, int precision, int scale, List<String> enumLabels,
                      SqlType element) {

    private static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "citext", "name");

    public SqlType {
        enumLabels = List.copyOf(enumLabels);
    }

    public boolean isEnum() {
        return !enumLabels.isEmpty();
    }

    public boolean isArray() {
        return element != null;
    }

    /** A character type: text, varchar, char, citext, name. */
    public boolean isText() {
        return TEXT.contains(name) && !isEnum() && !isArray();
    }

    /** Reads length, precision and scale from the type modifier ({@code atttypmod}). */
    static SqlType of(String name, String display, int typmod, List<String> enumLabels, SqlType element) {
        int length = -1;
        int precision = -1;
        int scale = -1;
        if (typmod >= 4 && (name.equals("varchar") || name.equals("bpchar"))) {
            length = typmod - 4;
        } else if (typmod >= 4 && name.equals("numeric")) {
            precision = ((typmod - 4) >> 16) & 0xffff;
            scale = (typmod - 4) & 0xffff;
        }
        return new SqlType(name, display, length, precision, scale, enumLabels, element);
    }
}
