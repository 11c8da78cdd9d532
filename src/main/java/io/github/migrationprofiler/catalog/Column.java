package io.github.migrationprofiler.catalog;

import java.util.List;

/**
 * A column as the seeder needs it.
 *
 * @param name       column name
 * @param position   its {@code attnum}: stable when the column is renamed, so the column of the final schema is found again
 * @param type       effective type
 * @param notNull    NOT NULL (column, domain, or a {@code CHECK (c IS NOT NULL)} of the final schema)
 * @param hasDefault whether a default expression exists
 * @param autoKey    identity or serial: values come from a sequence (we write them, then move the sequence on)
 * @param sequence   the sequence behind an identity/serial column, or {@code null}
 * @param generated  a generated column (never written)
 * @param expression the default or generation expression as PostgreSQL prints it, or {@code null}
 * @param checks     CHECK constraints of the column's domain, as {@code pg_get_constraintdef} text
 */
public record Column(String name, int position, SqlType type, boolean notNull, boolean hasDefault, boolean autoKey,
                     String sequence, boolean generated, String expression, List<String> checks) {


    public Column {
        checks = List.copyOf(checks);
    }

    public Column asNotNull() {
        return notNull ? this : new Column(name, position, type, true, hasDefault, autoKey, sequence, generated, expression, checks);
    }

    /**
     * This column, its values also fitting {@code later}, a type it gets later: the shorter of two
     * length limits, the smaller numeric precision; and a text column that later becomes another
     * type (uuid, a number, a date, JSON) holds values of that type, so the conversion works.
     */
    public Column fitting(SqlType later) {
        if (!type.name().equals(later.name())) {
            if (type.isText() && !later.isText() && !later.isArray()) {
                int length = type.length();
                SqlType as = new SqlType(later.name(), later.display(), later.length() < 0 ? length : later.length(), later.precision(),
                        later.scale(), later.enumLabels(), later.element());
                return new Column(name, position, as, notNull, hasDefault, autoKey, sequence, generated, expression, checks);
            }
            return this;
        }
        int length = type.length() < 0 ? later.length() : later.length() < 0 ? type.length() : Math.min(type.length(), later.length());
        int precision = type.precision() < 0 ? later.precision() : later.precision() < 0 ? type.precision()
                : Math.min(type.precision(), later.precision());
        int scale = type.scale() < 0 ? later.scale() : later.scale() < 0 ? type.scale() : Math.min(type.scale(), later.scale());
        SqlType fitted = new SqlType(type.name(), type.display(), length, precision, scale, type.enumLabels(), type.element());
        return new Column(name, position, fitted, notNull, hasDefault, autoKey, sequence, generated, expression, checks);
    }
}
