package io.github.migrationprofiler.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.migrationprofiler.catalog.Table;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what is read out of JSON columns, by column name, in SQL text (the final schema's
 * expressions and the migrations themselves): {@code doc ->> 'key'}, chains of {@code ->},
 * {@code #>> '{a,b}'}, {@code ? 'key'}, {@code @> '{…}'}, jsonpath ({@code @?}, {@code @@},
 * {@code jsonb_path_*}) and {@code json[b]_extract_path[_text]}. A cast after the expression gives the
 * value's kind ({@code (doc ->> 'deleted')::boolean}); a comparison gives a literal to use.
 */
final class JsonShapes {

    /** A column name; an unquoted one starts a word, so a long literal is not tried from each of its characters. */
    private static final String IDENT = "(?:\"([^\"]*(?:\"\"[^\"]*)*)\"|(?<![\\w$])([A-Za-z_][\\w$]*))";
    private static final Pattern ARROW = Pattern.compile(IDENT + "\\s*(->>|->|#>>|#>)");
    private static final Pattern EXISTS = Pattern.compile(IDENT + "\\s*(\\?\\?|\\?)([|&]?)\\s*");
    private static final Pattern CONTAINS = Pattern.compile(IDENT + "\\s*@>\\s*'([^']*(?:''[^']*)*)'");
    private static final Pattern JSONPATH = Pattern.compile(
            "(?:" + IDENT + "\\s*(?:@\\?|@@)\\s*|jsonb?_path_\\w+\\s*\\(\\s*" + IDENT + "\\s*,\\s*)'([^']*(?:''[^']*)*)'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTRACT = Pattern.compile("jsonb?_extract_path(?:_text)?\\s*\\(\\s*" + IDENT + "\\s*((?:,\\s*'[^']*'\\s*)+)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPERAND = Pattern.compile("\\G\\s*(?:'([^']*(?:''[^']*)*)'|(-?\\d+))(?:::text(?:\\[])?)?");
    private static final Pattern NEXT_ARROW = Pattern.compile("\\G\\s*\\)?\\s*(->>|->|#>>|#>)");
    private static final Pattern CAST = Pattern.compile("\\G\\s*\\)*\\s*::\\s*([a-z][a-z ]*?(?:\\(\\d+(?:,\\d+)?\\))?)(?=[^a-z ]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPARED = Pattern.compile("\\G\\s*\\)*\\s*(?:=|<>|!=)\\s*\\(*\\s*(?:'([^']*(?:''[^']*)*)'|(true|false)\\b|(-?\\d+(?:\\.\\d+)?)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("'([^']*(?:''[^']*)*)'");
    private static final Pattern PATH_STEP = Pattern.compile("\\.(\"[^\"]+\"|[A-Za-z_][\\w$]*)|\\[[^]]*]");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code , 'YYYY-MM-DD'}) after a value: the format argument of the call around it. */
    private static final Pattern FORMAT_ARGUMENT = Pattern.compile("\\G\\s*\\)*\\s*,\\s*'([^']*(?:''[^']*)*)'\\s*\\)");
    /** {@code to_timestamp(} or {@code to_date(} right before a value (looked for in the few characters before it). */
    private static final Pattern FORMATTING_CALL = Pattern.compile("(?i)\\bto_(timestamp|date)\\s*\\(\\s*\\(?\\s*$");

    private final Map<String, JsonShape> byColumn = new HashMap<>();
    private final Map<String, JsonShape> samples = new HashMap<>();

    /** Reads what {@code sql} takes out of JSON columns. */
    void scan(String sql) {
        String text = unescapeXml(sql);
        Matcher m = ARROW.matcher(text);
        while (m.find()) {
            arrows(text, root(m), m.group(3), m.end(), m.start());
        }
        m = EXISTS.matcher(text);
        while (m.find()) {
            int end = m.end();
            String rest = text.substring(end, Math.min(text.length(), end + 400));
            Matcher literal = LITERAL.matcher(rest);
            if (m.group(4).isEmpty()) {
                if (literal.lookingAt()) {
                    root(m).key(unquote(literal.group(1)), JsonShape.Kind.TEXT);
                }
            } else if (rest.toLowerCase(Locale.ROOT).startsWith("array[")) {
                String list = rest.substring(0, Math.max(0, rest.indexOf(']')));
                while (literal.find() && literal.start() < list.length()) {
                    root(m).key(unquote(literal.group(1)), JsonShape.Kind.TEXT);
                }
            }
        }
        m = CONTAINS.matcher(text);
        while (m.find()) {
            try {
                root(m).merge(JSON.readTree(unquote(m.group(3))));
            } catch (JsonProcessingException notJson) {
                // a parameter or an expression, not a document
            }
        }
        m = JSONPATH.matcher(text);
        while (m.find()) {
            String column = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            path(shape(column.replace("\"\"", "\"")), unquote(m.group(5)));
        }
        m = EXTRACT.matcher(text);
        while (m.find()) {
            JsonShape node = root(m);
            Matcher literal = LITERAL.matcher(m.group(3));
            String key = null;
            while (literal.find()) {
                if (key != null) {
                    node = node.key(key, JsonShape.Kind.OBJECT);
                }
                key = unquote(literal.group(1));
            }
            if (key != null) {
                node.key(key, JsonShape.Kind.TEXT);
            }
        }
    }

    /** A sample document for a column ({@code column} or {@code table.column}): its keys and values join what was found. */
    void sample(String column, String document) {
        try {
            JsonShape shape = samples.computeIfAbsent(column, k -> JsonShape.object());
            shape.merge(JSON.readTree(document));
        } catch (JsonProcessingException e) {
            throw new SeedException("jsonSamples: the sample for " + column + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The shape for {@code table.column}, or {@code null} when nothing reads into it. */
    JsonShape forColumn(String table, String column) {
        JsonShape sample = samples.get(Table.pomName(table) + "." + column);
        if (sample == null) {
            sample = samples.get(column);
        }
        return sample != null ? sample : byColumn.get(column);
    }

    private void arrows(String text, JsonShape node, String operator, int from, int start) {
        String op = operator;
        int pos = from;
        while (true) {
            Matcher operand = OPERAND.matcher(text);
            if (!operand.find(pos) || operand.start() != pos) {
                return;
            }
            pos = operand.end();
            boolean index = operand.group(2) != null;
            String key = index ? null : unquote(operand.group(1));
            if (op.startsWith("#")) {
                String[] steps = key.replaceAll("^\\{|}$", "").split(",");
                for (int i = 0; i < steps.length - 1; i++) {
                    node = step(node, steps[i].strip().replace("\"", ""), JsonShape.Kind.OBJECT);
                }
                key = steps[steps.length - 1].strip().replace("\"", "");
                index = key.matches("-?\\d+");
            }
            Matcher next = NEXT_ARROW.matcher(text);
            if (next.find(pos) && next.start() == pos) {
                node = index ? node.element(JsonShape.Kind.OBJECT) : node.key(key, JsonShape.Kind.OBJECT);
                op = next.group(1);
                pos = next.end();
                continue;
            }
            JsonShape leaf = index ? node.element(JsonShape.Kind.TEXT) : node.key(key, JsonShape.Kind.TEXT);
            describe(leaf, text, pos, start);
            return;
        }
    }

    private static JsonShape step(JsonShape node, String step, JsonShape.Kind kind) {
        return step.matches("-?\\d+") ? node.element(kind) : node.key(step, kind);
    }

    /**
     * What surrounds a value read at {@code start}–{@code pos}: a cast after it gives its kind, a
     * comparison a literal, and {@code to_timestamp(…, 'format')} or {@code to_date} around it the
     * way its dates are written.
     */
    private static void describe(JsonShape leaf, String text, int pos, int start) {
        Matcher argument = FORMAT_ARGUMENT.matcher(text);
        if (argument.find(pos) && argument.start() == pos) {
            Matcher call = FORMATTING_CALL.matcher(text.substring(Math.max(0, start - 40), start));
            DateTimeFormatter format = call.find() ? PgDateFormat.toJava(unquote(argument.group(1))) : null;
            if (format != null) {
                leaf.format(format, call.group(1).equalsIgnoreCase("date") ? JsonShape.Kind.DATE : JsonShape.Kind.TIMESTAMP);
                return;
            }
        }
        Matcher cast = CAST.matcher(text);
        if (cast.find(pos) && cast.start() == pos) {
            leaf.refine(JsonShape.kindOfType(cast.group(1)));
            return;
        }
        Matcher compared = COMPARED.matcher(text);
        if (compared.find(pos) && compared.start() == pos) {
            if (compared.group(1) != null) {
                leaf.literal(quoteJson(unquote(compared.group(1))));
            } else if (compared.group(2) != null) {
                leaf.refine(JsonShape.Kind.BOOLEAN);
            } else {
                leaf.refine(compared.group(3).contains(".") ? JsonShape.Kind.NUMBER : JsonShape.Kind.INTEGER);
            }
        }
    }

    /** A jsonpath such as {@code $.address.city} or {@code $.items[*].sku ? (@ == "x")}. */
    private static void path(JsonShape root, String jsonpath) {
        int start = jsonpath.indexOf('$');
        if (start < 0) {
            return;
        }
        Matcher step = PATH_STEP.matcher(jsonpath);
        step.region(start + 1, jsonpath.length());
        JsonShape node = root;
        String pending = null;
        int end = start + 1;
        while (step.lookingAt()) {
            if (pending != null) {
                node = node.key(pending, JsonShape.Kind.OBJECT);
                pending = null;
            }
            if (step.group(1) != null) {
                pending = step.group(1).replace("\"", "");
            } else {
                node = node.element(JsonShape.Kind.OBJECT);
            }
            end = step.end();
            step.region(end, jsonpath.length());
        }
        if (pending != null) {
            JsonShape leaf = node.key(pending, JsonShape.Kind.TEXT);
            String rest = jsonpath.substring(end);
            Matcher value = Pattern.compile("==\\s*(\"[^\"]*\"|true|false|-?\\d+(?:\\.\\d+)?)").matcher(rest);
            if (value.find()) {
                String v = value.group(1);
                if (v.startsWith("\"")) {
                    leaf.literal(v);
                } else if (v.equals("true") || v.equals("false")) {
                    leaf.refine(JsonShape.Kind.BOOLEAN);
                } else {
                    leaf.refine(v.contains(".") ? JsonShape.Kind.NUMBER : JsonShape.Kind.INTEGER);
                }
            }
        }
    }

    private JsonShape root(Matcher m) {
        return shape(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
    }

    private JsonShape shape(String column) {
        return byColumn.computeIfAbsent(column, k -> JsonShape.object());
    }

    private static String unquote(String literal) {
        return literal.replace("''", "'");
    }

    private static String quoteJson(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Liquibase XML changelogs write {@code ->>} as {@code -&gt;&gt;}. */
    private static String unescapeXml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
