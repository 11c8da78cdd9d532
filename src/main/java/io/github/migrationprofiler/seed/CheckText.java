package io.github.migrationprofiler.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHECK constraints' text as {@code pg_get_constraintdef} prints it, taken apart: clauses joined
 * by AND, alternatives joined by OR, the literals of an {@code ANY (ARRAY[…])}, LIKE patterns as
 * regular expressions.
 */
final class CheckText {

    static final Pattern LITERAL = Pattern.compile("'([^']*(?:''[^']*)*)'");

    private CheckText() {
    }

    /** Splits {@code CHECK ((a > 0) AND (a < 10))} into its top-level AND clauses, outer parentheses removed. */
    static List<String> clauses(String check) {
        String body = check.strip();
        if (body.startsWith("CHECK ")) {
            body = body.substring(6);
        }
        body = body.replace(" NOT VALID", "").replace(" NO INHERIT", "").strip();
        return split(unwrap(body), " AND ");
    }

    /** Top-level parts of {@code text} separated by {@code separator}, each unwrapped. */
    static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int[] depth = depths(text);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (depth[i] == 0 && text.startsWith(separator, i)) {
                parts.add(unwrap(text.substring(start, i)));
                start = i + separator.length();
            }
        }
        parts.add(unwrap(text.substring(start)));
        return parts;
    }

    /** Removes parentheses that wrap the whole text: {@code ((a > 0))} → {@code a > 0}. */
    private static String unwrap(String text) {
        String s = text.strip();
        while (s.startsWith("(") && s.endsWith(")") && wrapsAll(s)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The first parenthesis closes only at the very end. */
    private static boolean wrapsAll(String s) {
        int[] depth = depths(s);
        for (int i = 0; i < s.length() - 1; i++) {
            if (depth[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Parenthesis depth after each character, ignoring parentheses inside quoted literals. */
    private static int[] depths(String s) {
        int[] depths = new int[s.length()];
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            depths[i] = depth;
        }
        return depths;
    }

    static List<String> literals(String list) {
        List<String> values = new ArrayList<>();
        Matcher literal = LITERAL.matcher(list);
        while (literal.find()) {
            values.add(literal.group(1).replace("''", "'"));
        }
        if (values.isEmpty()) {
            Matcher number = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])").matcher(list);
            while (number.find()) {
                values.add(number.group());
            }
        }
        return values;
    }

    /** {@code LIKE 'AB%'} as a regular expression: {@code ^AB.*$}. */
    static String likeToRegex(String like) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append('\\').append(like.charAt(++i));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return re.append('$').toString();
    }
}
