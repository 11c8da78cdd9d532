package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Expressions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CHECK constraints (and partition bounds) of a table ask of one column, from the text
 * PostgreSQL prints: numeric ranges, allowed values ({@code IN} lists print as
 * {@code = ANY (ARRAY[…])}), lengths, a pattern ({@code ~}, {@code LIKE}), comparisons with another
 * column ({@code end_at >= start_at}), NOT NULL. {@code c IS NULL OR …} asks nothing of the values
 * the generator writes, so only the rest counts. A clause on the column that is none of these
 * leaves {@link #understood} false: the database then tests generated rows against it.
 */
final class ColumnRules {

    /** {@code this op other}: the column's value is derived from the other column's, row by row. */
    record Relation(String op, String other) {
        /** The operator with its sides swapped: {@code a >= b} is {@code b <= a}. */
        static String mirror(String op) {
            return switch (op) {
                case ">" -> "<";
                case ">=" -> "<=";
                case "<" -> ">";
                case "<=" -> ">=";
                default -> op;
            };
        }
    }

    BigDecimal min;
    BigDecimal max;
    boolean maxExclusive;
    boolean minExclusive;
    String lowerText;
    String upperText;
    /** Each range partition's bounds (FROM, TO exclusive) as text: a value must fall in one of them, not just between the extremes. */
    final List<String[]> ranges = new ArrayList<>();
    List<String> allowed = List.of();
    final Set<String> excluded = new HashSet<>();
    int minLength = 0;
    int maxLength = Integer.MAX_VALUE;
    RegexSample pattern;
    final List<Relation> relations = new ArrayList<>();
    boolean notNull;
    boolean understood = true;

    private static final String COL = "\\(*(?<col>\"[^\"]*(?:\"\"[^\"]*)*\"|[\\w$]+)\\)*(?:::[\\w ]+(?:\\(\\d+(?:,\\d+)?\\))?)?\\)*";
    private static final String CAST = "(?:::[\\w ]+(?:\\[])?)?";
    private static final Pattern COMPARISON = Pattern.compile(
            "^" + COL + "\\s*(?<op>>=|<=|<>|!=|>|<|=)\\s*\\(*'?(?<num>-?\\d+(?:\\.\\d+)?)'?\\)*" + CAST + "\\)*$");
    private static final Pattern TEXT_EQUALS = Pattern.compile("^" + COL + "\\s*(?<op>=|<>|!=)\\s*\\(*'(?<lit>[^']*(?:''[^']*)*)'" + CAST + "\\)*$");
    private static final Pattern NOT_EMPTY = Pattern.compile(
            "^\\(*(?:btrim|trim)?\\(*" + COL + "\\)*\\s*(?:<>|!=)\\s*''" + CAST + "\\)*$");
    private static final Pattern COLUMNS = Pattern.compile(
            "^" + COL + "\\s*(?<op>>=|<=|<>|!=|>|<)\\s*\\(*(?<other>\"[^\"]*(?:\"\"[^\"]*)*\"|[A-Za-z_][\\w$]*)\\)*" + CAST + "\\)*$");
    private static final Pattern ANY_ARRAY = Pattern.compile("^" + COL + "\\s*=\\s*ANY\\s*\\((?<list>.*)\\)$");
    private static final Pattern LENGTH = Pattern.compile(
            "^\\(*(?:char_length|length|character_length|octet_length)\\(\\(*(?:btrim\\()?" + COL + "\\)?\\)\\s*"
                    + "(?<op>>=|<=|<>|!=|>|<|=)\\s*(?<num>\\d+)\\)*$");
    private static final Pattern REGEX = Pattern.compile("^" + COL + "\\s*(?<op>~\\*?|~~\\*?)\\s*'(?<re>[^']*(?:''[^']*)*)'" + CAST + "\\)*$");
    private static final Pattern IS_NULL = Pattern.compile("^" + COL + "\\s+IS\\s+(?<not>NOT\\s+)?NULL$");
    private static final Pattern RANGE_BOUND = Pattern.compile("FROM \\((.*)\\) TO \\((.*)\\)");

    static ColumnRules of(Column column, List<Check> tableChecks, String partitionKey, List<String> partitionBounds) {
        ColumnRules rules = new ColumnRules();
        for (String check : column.checks()) {
            CheckText.clauses(check).forEach(clause -> rules.apply(clause, column.name(), true));
        }
        for (Check check : tableChecks) {
            if (check.columns().contains(column.name()) || check.columns().isEmpty()) {
                CheckText.clauses(check.enforced()).forEach(clause -> rules.apply(clause, column.name(), false));
            }
        }
        if (column.name().equals(partitionKey)) {
            rules.applyPartitionBounds(partitionBounds);
        }
        return rules;
    }

    /** Whether a CHECK of the table says {@code column IS NOT NULL} (PostgreSQL 12+ trusts such a check for SET NOT NULL). */
    static boolean requiresValue(Column column, List<Check> checks) {
        for (Check check : checks) {
            for (String clause : CheckText.clauses(check.enforced())) {
                Matcher m = IS_NULL.matcher(clause);
                if (m.matches() && m.group("not") != null && names(m.group("col"), column.name(), false)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void apply(String clause, String column, boolean domain) {
        List<String> alternatives = CheckText.split(clause, " OR ");
        if (alternatives.size() > 1) {
            alternatives.removeIf(alternative -> isNull(alternative, column, domain));
            if (alternatives.size() == 1) {
                apply(alternatives.get(0), column, domain);
            } else if (!alternatives.isEmpty() && !anyOf(alternatives, column, domain) && mentions(clause, column, domain)) {
                understood = false;
            }
            return;
        }
        if (!applySimple(clause, column, domain) && mentions(clause, column, domain)) {
            understood = false;
        }
    }

    /** {@code (c = 'a') OR (c = 'b') OR (c = ANY (…))}: allowed values. */
    private boolean anyOf(List<String> alternatives, String column, boolean domain) {
        List<String> values = new ArrayList<>();
        for (String alternative : alternatives) {
            Matcher m = TEXT_EQUALS.matcher(alternative);
            Matcher number = COMPARISON.matcher(alternative);
            Matcher list = ANY_ARRAY.matcher(alternative);
            if (m.matches() && names(m.group("col"), column, domain) && m.group("op").equals("=")) {
                values.add(m.group("lit").replace("''", "'"));
            } else if (number.matches() && names(number.group("col"), column, domain) && number.group("op").equals("=")) {
                values.add(number.group("num"));
            } else if (list.matches() && names(list.group("col"), column, domain)) {
                values.addAll(CheckText.literals(list.group("list")));
            } else {
                return false;
            }
        }
        allow(values);
        return true;
    }

    /** Several lists of allowed values (a domain, a CHECK, a chosen branch) leave the values on all of them. */
    private void allow(List<String> values) {
        List<String> kept = allowed.isEmpty() ? new ArrayList<>(values) : new ArrayList<>(allowed);
        kept.retainAll(values);
        kept.removeAll(excluded);
        if (kept.isEmpty()) {
            understood = false; // contradictory lists: leave it to the database test
        } else {
            allowed = kept;
        }
    }

    /** A clause about the column alone; {@code false} when it is not understood (the database then tests the rows). */
    private boolean applySimple(String clause, String column, boolean domain) {
        return applyValue(clause, column, domain) || applyText(clause, column, domain) || applyRelation(clause, column);
    }

    /** NULL, a comparison with a number, equality with text, a list of allowed values. */
    private boolean applyValue(String clause, String column, boolean domain) {
        Matcher m = IS_NULL.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain)) {
            notNull |= m.group("not") != null;
            return m.group("not") != null; // "IS NULL" alone would ask for NULL only: leave it to the database test
        }
        m = COMPARISON.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain)) {
            BigDecimal value = new BigDecimal(m.group("num"));
            switch (m.group("op")) {
                case ">" -> raiseMin(value, true);
                case ">=" -> raiseMin(value, false);
                case "<" -> lowerMax(value, true);
                case "<=" -> lowerMax(value, false);
                case "=" -> allow(List.of(m.group("num")));
                default -> exclude(m.group("num"));
            }
            return true;
        }
        m = TEXT_EQUALS.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain)) {
            if (m.group("op").equals("=")) {
                allow(List.of(m.group("lit").replace("''", "'")));
            } else {
                exclude(m.group("lit").replace("''", "'"));
            }
            return true;
        }
        m = ANY_ARRAY.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain)) {
            List<String> values = CheckText.literals(m.group("list"));
            if (!values.isEmpty()) {
                allow(values);
            }
            return !values.isEmpty();
        }
        return false;
    }

    /** A length, non-emptiness, a regular expression or LIKE pattern. */
    private boolean applyText(String clause, String column, boolean domain) {
        Matcher m;
        m = LENGTH.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain)) {
            int n = Integer.parseInt(m.group("num"));
            switch (m.group("op")) {
                case ">" -> minLength = Math.max(minLength, n + 1);
                case ">=" -> minLength = Math.max(minLength, n);
                case "<" -> maxLength = Math.min(maxLength, n - 1);
                case "<=" -> maxLength = Math.min(maxLength, n);
                case "<>", "!=" -> minLength = Math.max(minLength, n == 0 ? 1 : minLength);
                default -> {
                    minLength = n;
                    maxLength = n;
                }
            }
            return true;
        }
        m = NOT_EMPTY.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain)) {
            minLength = Math.max(minLength, 1);
            return true;
        }
        m = REGEX.matcher(clause);
        if (m.matches() && names(m.group("col"), column, domain) && pattern == null) {
            String source = m.group("re").replace("''", "'");
            pattern = RegexSample.of(m.group("op").startsWith("~~") ? CheckText.likeToRegex(source) : source).orElse(null);
            return pattern != null;
        }
        return false;
    }

    /** A comparison with another column of the table. */
    private boolean applyRelation(String clause, String column) {
        Matcher m;
        m = COLUMNS.matcher(clause);
        if (m.matches() && !m.group("other").equalsIgnoreCase("true") && !m.group("other").equalsIgnoreCase("false")) {
            String left = unquote(m.group("col"));
            String right = unquote(m.group("other"));
            if (left.equals(column)) {
                relations.add(new Relation(m.group("op"), right));
                return true;
            }
            return right.equals(column); // the left-hand column is derived from this one
        }
        return false;
    }

    private void exclude(String value) {
        excluded.add(value);
        if (!allowed.isEmpty()) {
            List<String> kept = new ArrayList<>(allowed);
            kept.remove(value);
            if (!kept.isEmpty()) {
                allowed = kept;
            }
        }
    }

    private boolean isNull(String clause, String column, boolean domain) {
        Matcher m = IS_NULL.matcher(clause);
        return m.matches() && m.group("not") == null && names(m.group("col"), column, domain);
    }

    private void applyPartitionBounds(List<String> bounds) {
        List<String> listed = new ArrayList<>();
        for (String bound : bounds) {
            if (bound.equals("DEFAULT")) {
                return; // a default partition takes any value
            }
            if (bound.startsWith("FOR VALUES IN")) {
                Matcher literal = CheckText.LITERAL.matcher(bound);
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
        if (!from.contains("MINVALUE") && !to.contains("MAXVALUE")) {
            ranges.add(new String[] {lower, upper});
        }
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

    private static boolean mentions(String clause, String column, boolean domain) {
        return domain || Expressions.identifiers(clause).contains(column);
    }

    private static boolean names(String token, String column, boolean domain) {
        return unquote(token).equals(column) || domain && token.equals("VALUE");
    }

    private static boolean names(String token, String column) {
        return names(token, column, true);
    }

    private static String unquote(String token) {
        return token.startsWith("\"") && token.endsWith("\"") && token.length() > 1
                ? token.substring(1, token.length() - 1).replace("\"\"", "\"") : token;
    }
}
