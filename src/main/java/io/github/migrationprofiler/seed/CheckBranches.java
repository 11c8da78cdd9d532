package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses one way to satisfy CHECKs written as alternatives of simple conditions, such as
 * {@code (type = 'MANAGED' AND password IS NOT NULL) OR (type <> 'MANAGED' AND password IS NULL)}:
 * the first alternative that agrees with the columns' NOT NULL and with what was chosen for the
 * table's other checks. The table's rows then all take that branch; its conditions become plain
 * rules (a value, a NULL, a NOT NULL) the generator follows.
 */
final class CheckBranches {

    private static final String COL = "\\(*(?<col>\"[^\"]*(?:\"\"[^\"]*)*\"|[\\w$]+)\\)*(?:::[\\w ]+(?:\\(\\d+(?:,\\d+)?\\))?)?\\)*";
    private static final Pattern NULL_TEST = Pattern.compile("^" + COL + "\\s+IS\\s+(?<not>NOT\\s+)?NULL$");
    private static final Pattern EQUALS = Pattern.compile("^" + COL + "\\s*(?<op>=|<>|!=)\\s*\\(*(?:'(?<lit>[^']*(?:''[^']*)*)'|(?<num>-?\\d+(?:\\.\\d+)?))"
            + "(?:::[\\w ]+(?:\\[])?)?\\)*$");
    private static final Pattern ANY = Pattern.compile("^" + COL + "\\s*=\\s*ANY\\s*\\((?<list>.*)\\)$");
    private static final Pattern LITERAL = Pattern.compile("'([^']*(?:''[^']*)*)'");

    /** A condition on one column: NULL, NOT NULL, one of some values, or not some values. */
    private record Atom(String column, Boolean isNull, Set<String> oneOf, String not) {
    }

    /** @param checks the checks with each disjunction replaced by the branch taken; @param nulls columns that are always NULL */
    record Choice(List<Check> checks, Set<String> nulls) {
    }

    private final Set<String> notNull = new HashSet<>();
    private final Set<String> nulls = new LinkedHashSet<>();
    private final Map<String, Set<String>> allowed = new HashMap<>();
    private final Map<String, Set<String>> excluded = new HashMap<>();

    static Choice choose(Table table) {
        CheckBranches state = new CheckBranches();
        table.columns().stream().filter(Column::notNull).forEach(c -> state.notNull.add(c.name()));
        for (Check check : table.checks()) { // plain conditions first: they bind every branch
            for (String clause : CheckText.clauses(check.enforced())) {
                List<Atom> atoms = atoms(clause);
                if (atoms != null && state.consistent(atoms)) {
                    state.apply(atoms);
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Check check : table.checks()) {
            List<String> clauses = new ArrayList<>();
            boolean rewritten = false;
            for (String clause : CheckText.clauses(check.enforced())) {
                List<String> alternatives = CheckText.split(clause, " OR ");
                String taken = alternatives.size() < 2 ? null : state.branch(alternatives);
                clauses.add("(" + (taken != null ? taken : clause) + ")");
                rewritten |= taken != null;
            }
            checks.add(rewritten ? new Check(check.name(), "CHECK (" + String.join(" AND ", clauses) + ")", check.columns()) : check);
        }
        return new Choice(checks, state.nulls);
    }

    /**
     * The first alternative whose conditions all fit, those that force fewer NULLs first (rows
     * with values are the realistic ones); {@code null} when none fits, or when one is not simple
     * ({@code died IS NULL OR died >= born}: the column rules handle that, with values).
     */
    private String branch(List<String> alternatives) {
        List<String> ordered = new ArrayList<>(alternatives);
        ordered.sort(Comparator.comparingLong(a -> CheckText.split(a, " AND ").stream()
                .filter(part -> { Matcher m = NULL_TEST.matcher(part); return m.matches() && m.group("not") == null; }).count()));
        for (String alternative : ordered) {
            List<Atom> atoms = new ArrayList<>();
            for (String part : CheckText.split(alternative, " AND ")) {
                List<Atom> parsed = atoms(part);
                if (parsed == null) {
                    return null;
                }
                atoms.addAll(parsed);
            }
            if (consistent(atoms)) {
                apply(atoms);
                return alternative;
            }
        }
        return null;
    }

    private boolean consistent(List<Atom> atoms) {
        for (Atom atom : atoms) {
            String c = atom.column();
            if (Boolean.TRUE.equals(atom.isNull()) && notNull.contains(c)
                    || (Boolean.FALSE.equals(atom.isNull()) || atom.oneOf() != null) && nulls.contains(c)) {
                return false;
            }
            if (atom.oneOf() != null) {
                Set<String> left = new HashSet<>(atom.oneOf());
                if (allowed.containsKey(c)) {
                    left.retainAll(allowed.get(c));
                }
                left.removeAll(excluded.getOrDefault(c, Set.of()));
                if (left.isEmpty()) {
                    return false;
                }
            }
            if (atom.not() != null && allowed.containsKey(c) && allowed.get(c).equals(Set.of(atom.not()))) {
                return false;
            }
        }
        return true;
    }

    private void apply(List<Atom> atoms) {
        for (Atom atom : atoms) {
            if (Boolean.TRUE.equals(atom.isNull())) {
                nulls.add(atom.column());
            } else if (Boolean.FALSE.equals(atom.isNull())) {
                notNull.add(atom.column());
            }
            if (atom.oneOf() != null) {
                allowed.merge(atom.column(), new HashSet<>(atom.oneOf()), (a, b) -> {
                    a.retainAll(b);
                    return a;
                });
            }
            if (atom.not() != null) {
                excluded.computeIfAbsent(atom.column(), k -> new HashSet<>()).add(atom.not());
            }
        }
    }

    /** The conditions of a clause made only of AND-ed simple conditions; {@code null} otherwise. */
    private static List<Atom> atoms(String clause) {
        List<Atom> atoms = new ArrayList<>();
        for (String part : CheckText.split(clause, " AND ")) {
            Atom atom = atom(part);
            if (atom == null) {
                return null;
            }
            atoms.add(atom);
        }
        return atoms;
    }

    private static Atom atom(String text) {
        Matcher m = NULL_TEST.matcher(text);
        if (m.matches()) {
            return new Atom(name(m.group("col")), m.group("not") == null, null, null);
        }
        m = EQUALS.matcher(text);
        if (m.matches()) {
            String value = m.group("lit") != null ? m.group("lit").replace("''", "'") : m.group("num");
            return m.group("op").equals("=") ? new Atom(name(m.group("col")), null, Set.of(value), null)
                    : new Atom(name(m.group("col")), null, null, value);
        }
        m = ANY.matcher(text);
        if (m.matches()) {
            Set<String> values = new LinkedHashSet<>();
            Matcher literal = LITERAL.matcher(m.group("list"));
            while (literal.find()) {
                values.add(literal.group(1).replace("''", "'"));
            }
            return values.isEmpty() ? null : new Atom(name(m.group("col")), null, values, null);
        }
        return null;
    }

    private static String name(String token) {
        return token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"") : token;
    }
}
