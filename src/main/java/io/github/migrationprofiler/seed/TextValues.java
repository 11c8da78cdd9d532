package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.SqlType;

import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Text values: words fitting a column's name (names, cities, statuses, sentences), identifiers,
 * tokens and digests of their usual length, values a CHECK's pattern allows, and unique ones made
 * from the row number.
 */
final class TextValues {

    private final long seed;

    TextValues(long seed) {
        this.seed = seed;
    }

    /** Column names of identifiers kept as text: {@code external_id}, {@code cve_id}, {@code api_key}, {@code sku}, {@code order_no}. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(^|_)(id|key|code|ref|reference|no|number|sku|slug|handle)$");

    Values string(ValueFactory.Spec spec, String name, boolean unique, int stream) {
        ColumnRules rules = spec.rules();
        SqlType type = spec.column().type();
        int limit = Math.min(type.length() > 0 ? type.length() : Integer.MAX_VALUE, rules.maxLength);
        int minLength = rules.minLength;
        Set<String> reserved = spec.reserved();
        int tokenLength = tokenLength(name);
        if (rules.pattern == null && tokenLength > 0 && tokenLength <= limit && tokenLength >= minLength) {
            // keys, tokens and digests are fixed-length random strings; code that parses them (a custom change) expects that
            boolean hex = !name.matches(".*(key|token|secret|salt|nonce).*") || name.contains("hash");
            return (row, out) -> token(row, Noise.at(seed, row, stream), tokenLength, hex, unique, out);
        }
        if (rules.pattern != null) {
            RegexSample pattern = rules.pattern;
            return unique ? (row, out) -> Values.appendEscaped(pattern.nth(row), out)
                    : (row, out) -> Values.appendEscaped(pattern.random(Noise.at(seed, row, stream)), out);
        }
        if (unique) {
            String prefix = name.contains("email") ? "user" : name.contains("slug") || name.contains("name") || name.contains("login") ? name.replace('_', '-') + "-" : "";
            String suffix = name.contains("email") ? "@example.com" : "";
            return (row, out) -> {
                String id = Long.toString(row, 36);
                String value = prefix + id + suffix;
                if (value.length() > limit) {
                    value = id;
                }
                for (int k = 0; reserved.contains(value) && k < 36; k++) {
                    value = Long.toString(row, 36) + "-" + k; // "b" is a migration's; no generated value has a '-'
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

    /** The length of the random strings a column named like a key, token or digest holds; 0 for other columns. */
    static int tokenLength(String name) {
        if (name.contains("sha512") || name.contains("sha_512")) {
            return 128;
        }
        if (name.contains("sha256") || name.contains("sha_256")) {
            return 64;
        }
        if (name.contains("sha1") || name.contains("sha_1")) {
            return 40;
        }
        if (name.contains("md5") || name.matches(".*(api_?key|token|secret|salt|nonce).*")) {
            return 32;
        }
        return name.matches(".*(hash|digest|checksum).*") ? 64 : 0;
    }

    /**
     * A random token of {@code length} characters. A unique one begins with its row number in the
     * token's alphabet, least significant digit first, in as many characters as count ten million
     * rows: so its first few characters are unique too, since code derives ids from a key's prefix
     * (a public id from an API key's first five).
     */
    private static void token(long row, long bits, int length, boolean hex, boolean unique, StringBuilder out) {
        String alphabet = hex ? "0123456789abcdef" : "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int counted = hex ? 6 : 4;
        long rest = row;
        for (int i = 0; i < length; i++) {
            if (unique && i < counted) {
                out.append(alphabet.charAt((int) (rest % alphabet.length())));
                rest /= alphabet.length();
            } else {
                out.append(alphabet.charAt((int) Math.floorMod(Noise.at(bits, i, 1), alphabet.length())));
            }
        }
    }

    private static void pad(String value, int minLength, StringBuilder out) {
        Values.appendEscaped(value, out);
        for (int i = value.length(); i < minLength; i++) {
            out.append('0');
        }
    }

    private LongFunction<String> wordsFor(String name, int stream) {
        if (IDENTIFIER.matcher(name).find()) {
            // identifiers kept as text (an external id, a CVE id, a code) are nearly all distinct in production
            return row -> Words.pick(Words.WORDS, bits(row, stream)).toUpperCase(Locale.ROOT) + "-"
                    + Long.toString(bits(row, stream + 1) >>> 24, 36);
        }
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

    private long bits(long row, int stream) {
        return Noise.at(seed, row, stream);
    }
}
