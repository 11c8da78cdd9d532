package io.github.migrationprofiler.catalog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Expressions as PostgreSQL prints them ({@code pg_get_expr}, {@code pg_get_constraintdef}): the
 * identifiers they read, and the same text with identifiers renamed. String literals and the type
 * names after {@code ::} are not identifiers.
 */
public final class Expressions {

    private Expressions() {
    }

    /** The column-like identifiers of {@code expression}, unquoted. */
    public static Set<String> identifiers(String expression) {
        Set<String> names = new LinkedHashSet<>();
        rewrite(expression, name -> {
            names.add(name);
            return null;
        });
        return names;
    }

    /** {@code expression} with every identifier found in {@code renames} replaced (quoted where needed). */
    public static String rename(String expression, Map<String, String> renames) {
        return renames.isEmpty() ? expression : rewrite(expression, renames::get);
    }

    /** Walks the identifiers; {@code replace} answers the new name, or {@code null} to keep it. */
    private static String rewrite(String text, UnaryOperator<String> replace) {
        StringBuilder out = new StringBuilder(text.length());
        boolean afterCast = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = literalEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                while (end > 0 && end + 1 < text.length() && text.charAt(end + 1) == '"') {
                    end = text.indexOf('"', end + 2);
                }
                end = end < 0 ? text.length() : end + 1;
                String name = text.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                append(out, text.substring(i, end), name, afterCast ? null : replace.apply(name));
                afterCast = false;
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                String name = text.substring(i, end);
                boolean call = end < text.length() && text.charAt(end) == '(';
                append(out, name, name, afterCast || call ? null : replace.apply(name));
                afterCast = false;
                i = end;
            } else {
                if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                    afterCast = true;
                    out.append("::");
                    i += 2;
                    continue;
                }
                if (!Character.isWhitespace(c)) {
                    afterCast = false;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String original, String name, String replacement) {
        if (replacement == null || replacement.equals(name)) {
            out.append(original);
        } else {
            out.append(replacement.matches("[a-z_][a-z0-9_$]*") ? replacement : Quoting.identifier(replacement));
        }
    }

    /** Index just after the string literal starting at {@code start} ({@code ''} escapes a quote). */
    public static int literalEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
