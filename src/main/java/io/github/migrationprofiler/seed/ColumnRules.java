package io.github.migrationprofiler.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What simple CHECK constraints (and partition bounds) ask of one column: a numeric range, a list
 * of allowed values, a length range. Clauses that involve other columns or that this parser does
 * not know are ignored; should the generated data break them, the load fails with the constraint's
 * name and the override to use.
 */
final class ColumnRules {

    BigDecimal min;
    BigDecimal max;
    boolean maxExclusive;
    boolean minExclusive;
    String lowerText;
    String upperText;
    List<String> allowed = List.of();
    int minLength = 0;
    int maxLength = Integer.MAX_VALUE;

    private static final Pattern COMPARISON = Pattern.compile(
            "^\\(*(?<col>[\\w\"]+)\\)*(?:::[\\w ]+)?\\s*(?<op>>=|<=|<>|>|<|=)\\s*\\(*'?(?<num>-?\\d+(?:\\.\\d+)?)'?\\)*(?:::[\\w ]+)?\\)*$");
    private static final Pattern ANY_ARRAY = Pattern.compile("^\\(*(?<col>[\\w\"]+)\\)*(?:::[\\w ]+)?\\s*=\\s*ANY\\s*\\((?<list>.*)\\)$");
    private static final Pattern LENGTH = Pattern.compile(
            "^\\(*(?:char_length|length|character_length)\\(\\(*(?<col>[\\w\"]+)\\)*(?:::[\\w ]+)?\\)\\s*(?<op>>=|<=|>|<|=)\\s*(?<num>\\d+)\\)*$");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern RANGE_BOUND = Pattern.compile("FROM \\((.*)\\) TO \\((.*)\\)");

    static ColumnRules of(Column column, Iterable<String> tableChecks, String partitionKey, List<String> partitionBounds) {
        ColumnRules rules = new ColumnRules();
        List<String> checks = new ArrayList<>(column.checks());
        tableChecks.forEach(checks::add);
        for (String check : checks) {
            for (String clause : clauses(check)) {
                rules.apply(clause, column.name());
            }
        }
        if (column.name().equals(partitionKey)) {
            rules.applyPartitionBounds(partitionBounds);
        }
        return rules;
    }

    /** Splits {@code CHECK ((a > 0) AND (a < 10))} into its top-level AND clauses, outer parentheses removed. */
    static List<String> clauses(String check) {
        String body = check.strip();
        if (body.startsWith("CHECK ")) {
            body = body.substring(6);
        }
        body = body.replace(" NOT VALID", "").strip();
        body = unwrap(body);
        List<String> clauses = new ArrayList<>();
        int[] depth = depths(body);
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            if (depth[i] == 0 && body.startsWith(" AND ", i)) {
                clauses.add(unwrap(body.substring(start, i)));
                start = i + 5;
            }
        }
        clauses.add(unwrap(body.substring(start)));
        return clauses;
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

    private void apply(String clause, String column) {
        Matcher m = COMPARISON.matcher(clause);
        if (m.matches() && names(m.group("col"), column)) {
            BigDecimal value = new BigDecimal(m.group("num"));
            switch (m.group("op")) {
                case ">" -> raiseMin(value, true);
                case ">=" -> raiseMin(value, false);
                case "<" -> lowerMax(value, true);
                case "<=" -> lowerMax(value, false);
                case "=" -> allowed = List.of(m.group("num"));
                default -> { } // <> : the generator rarely hits one value
            }
            return;
        }
        m = ANY_ARRAY.matcher(clause);
        if (m.matches() && names(m.group("col"), column)) {
            List<String> values = new ArrayList<>();
            Matcher literal = LITERAL.matcher(m.group("list"));
            while (literal.find()) {
                values.add(literal.group(1).replace("''", "'"));
            }
            if (!values.isEmpty()) {
                allowed = values;
            }
            return;
        }
        m = LENGTH.matcher(clause);
        if (m.matches() && names(m.group("col"), column)) {
            int n = Integer.parseInt(m.group("num"));
            switch (m.group("op")) {
                case ">" -> minLength = Math.max(minLength, n + 1);
                case ">=" -> minLength = Math.max(minLength, n);
                case "<" -> maxLength = Math.min(maxLength, n - 1);
                case "<=" -> maxLength = Math.min(maxLength, n);
                default -> {
                    minLength = n;
                    maxLength = n;
                }
            }
        }
    }

    private void applyPartitionBounds(List<String> bounds) {
        List<String> listed = new ArrayList<>();
        for (String bound : bounds) {
            if (bound.equals("DEFAULT")) {
                return; // a default partition takes any value
            }
            if (bound.startsWith("FOR VALUES IN")) {
                Matcher literal = LITERAL.matcher(bound);
                while (literal.find()) {
                    listed.add(literal.group(1));
                }
                Matcher number = Pattern.compile("[(, ](-?\\d+)(?=[,)])").matcher(bound);
                while (number.find()) {
                    listed.add(number.group(1));
                }
            }
            Matcher range = RANGE_BOUND.matcher(bound);
            if (range.find()) {
                widenRange(range.group(1).strip(), range.group(2).strip());
            }
        }
        if (!listed.isEmpty()) {
            allowed = listed;
        }
    }

    /** The union of all partitions' ranges: the lowest FROM and the highest TO (exclusive). */
    private void widenRange(String from, String to) {
        String lower = from.replace("'", "");
        String upper = to.replace("'", "");
        if (!from.contains("MINVALUE") && (lowerText == null || lower.compareTo(lowerText) < 0)) {
            lowerText = lower;
        }
        if (!to.contains("MAXVALUE") && (upperText == null || upper.compareTo(upperText) > 0)) {
            upperText = upper;
        }
        if (lower.matches("-?\\d+") && upper.matches("-?\\d+")) {
            raiseMinIfLower(new BigDecimal(lower));
            lowerMaxIfHigher(new BigDecimal(upper));
        }
    }

    private void raiseMinIfLower(BigDecimal value) {
        if (min == null || value.compareTo(min) < 0) {
            min = value;
            minExclusive = false;
        }
    }

    private void lowerMaxIfHigher(BigDecimal value) {
        if (max == null || value.compareTo(max) > 0) {
            max = value;
            maxExclusive = true;
        }
    }

    private void raiseMin(BigDecimal value, boolean exclusive) {
        if (min == null || value.compareTo(min) >= 0) {
            min = value;
            minExclusive = exclusive;
        }
    }

    private void lowerMax(BigDecimal value, boolean exclusive) {
        if (max == null || value.compareTo(max) <= 0) {
            max = value;
            maxExclusive = exclusive;
        }
    }

    private static boolean names(String token, String column) {
        return token.equals(column) || token.equals("\"" + column + "\"") || token.equals("VALUE");
    }
}
