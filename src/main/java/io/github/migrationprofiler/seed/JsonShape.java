package io.github.migrationprofiler.seed;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of the JSON documents one column holds: the keys something reads (an index, a
 * generated column, a CHECK, a migration's {@code UPDATE … SET x = doc ->> 'region'}), nested where
 * paths are, each with the kind of value the reader casts it to and any literal it is compared
 * with. Every document has every key, so expressions over them are never NULL by accident.
 */
final class JsonShape {

    enum Kind { TEXT, BOOLEAN, INTEGER, NUMBER, DATE, TIMESTAMP, UUID, OBJECT, ARRAY }

    private Kind kind;
    private final Map<String, JsonShape> keys = new LinkedHashMap<>();
    private final List<String> literals = new ArrayList<>(); // JSON text of values seen in comparisons or samples
    private DateTimeFormatter format; // how a to_timestamp or to_date reads this leaf, when one does
    private JsonShape element;

    private JsonShape(Kind kind) {
        this.kind = kind;
    }

    static JsonShape object() {
        return new JsonShape(Kind.OBJECT);
    }

    boolean isEmpty() {
        return keys.isEmpty() && element == null;
    }

    /** The node at {@code key}, created as {@code kind} (an existing leaf becomes an object when something reads into it). */
    JsonShape key(String key, Kind kind) {
        if (this.kind != Kind.OBJECT) {
            this.kind = Kind.OBJECT;
            literals.clear();
        }
        JsonShape child = keys.computeIfAbsent(key, k -> new JsonShape(kind));
        child.refine(kind);
        return child;
    }

    /** The elements of this array node, created as {@code kind}. */
    JsonShape element(Kind kind) {
        this.kind = Kind.ARRAY;
        if (element == null) {
            element = new JsonShape(kind);
        }
        element.refine(kind);
        return element;
    }

    /** A more precise kind than text wins; containers stay containers. */
    void refine(Kind precise) {
        if (kind == Kind.TEXT && precise != Kind.TEXT) {
            kind = precise;
        }
    }

    /** A leaf read by {@code to_timestamp}/{@code to_date} with {@code format}: a date or time written that way. */
    void format(DateTimeFormatter format, Kind kind) {
        refine(kind);
        if (this.kind == kind) {
            this.format = format;
        }
    }

    void literal(String json) {
        if (literals.size() < 20 && !literals.contains(json)) {
            literals.add(json);
        }
    }

    /** Merges a sample document (from the pom or an {@code @>} literal): its keys, kinds and values. */
    void merge(JsonNode sample) {
        if (sample.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = sample.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                key(field.getKey(), kindOf(field.getValue())).merge(field.getValue());
            }
        } else if (sample.isArray()) {
            for (JsonNode item : sample) {
                element(kindOf(item)).merge(item);
            }
        } else if (!sample.isNull()) {
            literal(sample.toString());
        }
    }

    private static Kind kindOf(JsonNode node) {
        if (node.isObject()) {
            return Kind.OBJECT;
        }
        if (node.isArray()) {
            return Kind.ARRAY;
        }
        if (node.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (node.isIntegralNumber()) {
            return Kind.INTEGER;
        }
        return node.isNumber() ? Kind.NUMBER : Kind.TEXT;
    }

    /** Kind for a cast target as PostgreSQL prints it ({@code boolean}, {@code integer}, {@code timestamp with time zone}, …). */
    static Kind kindOfType(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("bool")) {
            return Kind.BOOLEAN;
        }
        if (t.matches("(small|big)?int(eger|2|4|8)?|bigint|smallint")) {
            return Kind.INTEGER;
        }
        if (t.startsWith("numeric") || t.startsWith("decimal") || t.startsWith("double") || t.startsWith("real")
                || t.startsWith("float")) {
            return Kind.NUMBER;
        }
        if (t.equals("date")) {
            return Kind.DATE;
        }
        if (t.startsWith("timestamp")) {
            return Kind.TIMESTAMP;
        }
        if (t.equals("uuid")) {
            return Kind.UUID;
        }
        if (t.startsWith("json")) {
            return Kind.OBJECT;
        }
        return Kind.TEXT;
    }

    /** One document, as JSON text; {@code base} fields come first when this is the whole document. */
    void append(long seed, long row, int stream, StringBuilder out) {
        switch (kind) {
            case OBJECT -> {
                out.append('{');
                int i = 0;
                for (Map.Entry<String, JsonShape> key : keys.entrySet()) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    string(key.getKey(), out);
                    out.append(": ");
                    key.getValue().append(seed, row, stream + 31 * ++i, out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                int n = 1 + (int) Noise.below(Noise.at(seed, row, stream), 3);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    element.append(seed, row, stream + 7 * (i + 1), out);
                }
                out.append(']');
            }
            default -> leaf(Noise.at(seed, row, stream), out);
        }
    }

    private void leaf(long bits, StringBuilder out) {
        if (!literals.isEmpty() && Noise.unit(bits) < 0.7) {
            out.append(literals.get((int) Noise.skewed(bits >>> 7, literals.size())));
            return;
        }
        switch (kind) {
            case BOOLEAN -> out.append((bits & 1) == 0 ? "false" : "true");
            case INTEGER -> out.append(Noise.skewed(bits >>> 1, 1_000));
            case NUMBER -> out.append(Noise.below(bits >>> 1, 100_000) / 100.0);
            case DATE -> out.append('"').append(format != null ? LocalDateTime.of(2023, 1, 1, 0, 0).plusDays(Noise.below(bits, 1_000))
                    .format(format) : java.time.LocalDate.of(2023, 1, 1).plusDays(Noise.below(bits, 1_000))).append('"');
            case TIMESTAMP -> {
                LocalDateTime at = LocalDateTime.of(2023, 1, 1, 0, 0).plusSeconds(Noise.below(bits, 86_400L * 1_000));
                out.append('"').append(format != null ? at.format(format) : at + "Z").append('"');
            }
            case UUID -> out.append('"').append(new java.util.UUID(bits, Long.rotateLeft(bits, 29) | 0x8000000000000000L)).append('"');
            default -> string(Words.pick(Words.WORDS, bits), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c < 0x20 ? ' ' : c);
        }
        out.append('"');
    }
}
