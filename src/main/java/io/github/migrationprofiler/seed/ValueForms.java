package io.github.migrationprofiler.seed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form a later migration reads a text column in, by column name, from the casts in the
 * migrations' text ({@code run_id::uuid}, {@code CAST(attempt AS integer)}, {@code USING day::date}):
 * production's values pass those casts, so seeded ones must too. A column cast to two types keeps
 * the first. Only a plain (optionally qualified) column name before the cast counts.
 */
final class ValueForms {

    /** A form a text value can take, with the pattern that makes values of it. */
    enum Form {
        UUID("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        INTEGER("[1-9][0-9]{0,4}"),
        BIGINT("[1-9][0-9]{0,9}"),
        NUMERIC("[1-9][0-9]{0,4}\\.[0-9]{2}"),
        BOOLEAN("(true|false)"),
        DATE("20[12][0-9]-0[1-9]-[12][0-9]"),
        TIMESTAMP("20[12][0-9]-0[1-9]-[12][0-9] [01][0-9]:[0-5][0-9]:[0-5][0-9]"),
        JSON("\\{\"n\": [1-9][0-9]{0,3}\\}");

        private final String regex;

        Form(String regex) {
            this.regex = regex;
        }

        RegexSample sample() {
            return RegexSample.of(regex).orElseThrow();
        }

        static Optional<Form> ofType(String type) {
            return Optional.ofNullable(switch (type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
                case "uuid" -> UUID;
                case "int", "int4", "integer", "smallint", "int2" -> INTEGER;
                case "bigint", "int8" -> BIGINT;
                case "numeric", "decimal", "real", "float4", "float8", "double precision" -> NUMERIC;
                case "boolean", "bool" -> BOOLEAN;
                case "date" -> DATE;
                case "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone" -> TIMESTAMP;
                case "json", "jsonb" -> JSON;
                default -> null;
            });
        }
    }

    private static final String TYPE = "(uuid|int[248]?|integer|smallint|bigint|numeric|decimal|real|float[48]|double precision"
            + "|bool(?:ean)?|date|timestamptz|timestamp(?: with(?:out)? time zone)?|jsonb?)\\b";
    /** {@code col::type}: matched from the cast, the name before it read backwards (no pattern runs over a long literal). */
    private static final Pattern CAST = Pattern.compile("::\\s*" + TYPE, Pattern.CASE_INSENSITIVE);
    private static final Pattern CAST_CALL = Pattern.compile("\\bCAST\\s*\\(\\s*((?:\"?\\w+\"?\\.)*\"?\\w+\"?)\\s+AS\\s+" + TYPE,
            Pattern.CASE_INSENSITIVE);

    /** A form and where a migration reads the column so: {@code V33__index_run_id.sql:28}. */
    record Learned(Form form, String origin) {

        RegexSample sample() {
            return form.sample();
        }

        /** As results.json tells it: {@code uuid, from V33__index_lineage_events_run_id.sql:28}. */
        @Override
        public String toString() {
            return form.name().toLowerCase(Locale.ROOT) + ", from " + origin;
        }
    }

    private final Map<String, Learned> byColumn = new HashMap<>();

    /**
     * Reads the casts of {@code sql}, the text of a migration declared at line {@code line} of
     * {@code file}.
     */
    void scan(String file, int line, String sql) {
        Matcher m = CAST.matcher(sql);
        while (m.find()) {
            String column = nameBefore(sql, m.start());
            if (column != null) {
                learn(column, m.group(1), file, line, sql, m.start());
            }
        }
        m = CAST_CALL.matcher(sql);
        while (m.find()) {
            learn(last(m.group(1)), m.group(2), file, line, sql, m.start());
        }
    }

    private void learn(String column, String type, String file, int line, String sql, int at) {
        if (!byColumn.containsKey(column)) {
            Form.ofType(type).ifPresent(form -> byColumn.put(column, new Learned(form,
                    file.substring(file.lastIndexOf('/') + 1) + ":" + (line + newlines(sql, at)))));
        }
    }

    private static int newlines(String sql, int end) {
        int count = 0;
        for (int i = sql.indexOf('\n'); i >= 0 && i < end; i = sql.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    /** The form {@code column} is read in, if a migration casts it. */
    Optional<Learned> of(String column) {
        return Optional.ofNullable(byColumn.get(column.toLowerCase(Locale.ROOT)));
    }

    /** The column name ending right before {@code at} ({@code run_id} of {@code e.run_id::uuid}), or {@code null}. */
    private static String nameBefore(String sql, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        int start = end;
        if (start > 0 && sql.charAt(start - 1) == '"') {
            int open = sql.lastIndexOf('"', start - 2);
            return open < 0 ? null : sql.substring(open + 1, start - 1).toLowerCase(Locale.ROOT);
        }
        while (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
            start--;
        }
        if (start == end || Character.isDigit(sql.charAt(start)) || start > 0 && sql.charAt(start - 1) == '\'') {
            return null; // a number or the end of a literal, not a column
        }
        return sql.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static String last(String qualified) {
        String[] parts = qualified.split("\\.");
        return parts[parts.length - 1].replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
