package io.github.migrationprofiler.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tables a migration writes rows into or deletes rows from, read from its text: SQL
 * {@code INSERT INTO t} and {@code DELETE FROM t}, and Liquibase's {@code insert}, {@code loadData},
 * {@code loadUpdateData} and {@code delete} changes. Those filled
 * from other tables ({@code INSERT INTO t … SELECT …}) are told apart: such a table gets its rows
 * from the migration, as in production; seeding it before would put synthetic rows where the
 * migration copies its own, and their keys collide.
 */
final class TableWrites {

    private static final String NAME = "(?:(?:\"[^\"]+\"|[\\w$]+)\\s*\\.\\s*)?(\"[^\"]*(?:\"\"[^\"]*)*\"|(?:\\$\\{[^}]*}|[\\w$])+)";
    private static final Pattern INSERT = Pattern.compile("INSERT\\s+INTO\\s+" + NAME + "\\s*(\\([^)]*\\))?\\s*(\\(?\\s*(?:SELECT|WITH|TABLE)\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIQUIBASE = Pattern.compile(
            "(?<![\\w$])(?:insert|loadData|loadUpdateData|delete)\\b[^>]{0,2000}?\\btableName\\s*[=:]\\s*[\"']?((?:\\$\\{[^}]*}|[\\w$])+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DELETE = Pattern.compile("DELETE\\s+FROM\\s+(?:ONLY\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);

    private static final Pattern UPDATE = Pattern.compile("UPDATE\\s+(?:ONLY\\s+)?" + NAME + "(?:\\s+(?:AS\\s+)?(?!SET\\b)[\\w$]+)?\\s+SET\\s+"
            + "(.+?)(?:\\b(WHERE|FROM|RETURNING)\\b|;|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** The rest of an UPDATE after WHERE, up to the end of the statement. */
    private static final Pattern WHERE = Pattern.compile("\\G(.*?)(?:;|$)", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(\"[^\"]+\"|[\\w$]+)\\s*=\\s*(?:[\\w$]+\\.)?(\"[^\"]+\"|[A-Za-z_][\\w$]*)\\s*(?:::\\s*[\\w ]+(?:\\(\\d+\\))?)?\\s*$");
    private static final Pattern TAG = Pattern.compile("<(addColumn|update|column)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern LIQUIBASE_UPDATE = Pattern.compile(
            "<(update|addNotNullConstraint)\\b[^>]*?\\btableName\\s*=\\s*\"([^\"]+)\"[^>]*?(?:/>|>(.*?)</\\1>)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Liquibase's update and addNotNullConstraint in YAML or JSON: the change's keys follow, up to the next change. */
    private static final Pattern STRUCTURED_UPDATE = Pattern.compile(
            "[\"']?\\b(update|addNotNullConstraint)[\"']?\\s*:(.*?)(?=[\"']?\\b(?:update|addNotNullConstraint|changeSet)[\"']?\\s*:|$)",
            Pattern.DOTALL);
    private static final Pattern STRUCTURED_TABLE = Pattern.compile("\\btableName[\"']?\\s*:\\s*[\"']?((?:\\$\\{[^}]*}|[\\w$])+)");
    private static final Set<String> NOT_COLUMNS = Set.of("null", "true", "false", "default", "current_timestamp", "current_date",
            "current_user", "localtimestamp", "now");

    /** One column filled from another of the same table: {@code UPDATE t SET a = b}, or Liquibase's {@code valueComputed="b"}. */
    record ColumnCopy(String table, String target, String source) {
    }

    /** Tables written, by clock tick of the migration; those filled from other tables; and the migrations' names. */
    private final Map<Integer, Set<String>> inserts = new HashMap<>();
    private final Map<Integer, Set<String>> copies = new HashMap<>();
    private final Map<Integer, String> labels = new HashMap<>();

    /** Reads what the migration at {@code tick} writes. */
    void scan(int tick, String label, String text) {
        String sql = text.replace("&quot;", "\"");
        Matcher m = INSERT.matcher(sql);
        while (m.find()) {
            inserts.computeIfAbsent(tick, k -> new LinkedHashSet<>()).add(normalize(m.group(1)));
            if (m.group(3) != null) {
                copies.computeIfAbsent(tick, k -> new LinkedHashSet<>()).add(normalize(m.group(1)));
                labels.put(tick, label);
            }
        }
        m = LIQUIBASE.matcher(sql);
        while (m.find()) {
            inserts.computeIfAbsent(tick, k -> new LinkedHashSet<>()).add(normalize(m.group(1)));
        }
        m = DELETE.matcher(sql);
        while (m.find()) {
            inserts.computeIfAbsent(tick, k -> new LinkedHashSet<>()).add(normalize(m.group(1)));
        }
    }

    /** The columns the migration's text fills from another column of the same table, names folded as PostgreSQL does. */
    static List<ColumnCopy> columnCopies(String text) {
        List<ColumnCopy> copies = new ArrayList<>();
        String sql = text.replace("&quot;", "\"");
        Matcher m = UPDATE.matcher(sql);
        while (m.find()) {
            for (String assignment : m.group(2).split(",")) {
                Matcher a = ASSIGNMENT.matcher(assignment);
                if (a.matches() && !NOT_COLUMNS.contains(a.group(2).toLowerCase(Locale.ROOT))) {
                    copies.add(new ColumnCopy(normalize(m.group(1)), normalize(a.group(1)), normalize(a.group(2))));
                }
            }
        }
        String table = null;
        Matcher tag = TAG.matcher(sql);
        while (tag.find()) {
            Map<String, String> attributes = new HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            if (!tag.group(1).equalsIgnoreCase("column")) {
                table = attributes.get("tableName");
            } else if (table != null && attributes.containsKey("name") && attributes.containsKey("valueComputed")
                    && attributes.get("valueComputed").matches("[A-Za-z_][\\w$]*")) {
                copies.add(new ColumnCopy(normalize(table), normalize(attributes.get("name")), normalize(attributes.get("valueComputed"))));
            }
        }
        return copies;
    }

    /**
     * The tables {@code text} updates ({@code UPDATE t}, Liquibase's {@code <update tableName>} and
     * {@code addNotNullConstraint defaultNullValue}), each with whether some update of it touches
     * every row (no WHERE).
     */
    static Map<String, Boolean> updates(String text) {
        Map<String, Boolean> tables = new HashMap<>();
        String sql = text.replace("&quot;", "\"");
        Matcher m = UPDATE.matcher(sql);
        while (m.find()) {
            boolean rowByRow = false;
            if ("WHERE".equalsIgnoreCase(m.group(3))) {
                Matcher where = WHERE.matcher(sql);
                rowByRow = where.find(m.end(3)) && where.group(1).contains("'"); // picks rows by value: WHERE name = 'x'
            }
            tables.merge(normalize(m.group(1)), !rowByRow, Boolean::logicalOr); // a join (FROM) or an IS NULL backfill fills all
        }
        m = LIQUIBASE_UPDATE.matcher(sql);
        while (m.find()) {
            String body = m.group(3) == null ? "" : m.group(3);
            boolean everyRow = m.group(1).equalsIgnoreCase("addNotNullConstraint") ? m.group().contains("defaultNullValue")
                    : !body.contains("<where");
            tables.merge(normalize(m.group(2)), everyRow, Boolean::logicalOr);
        }
        m = STRUCTURED_UPDATE.matcher(sql);
        while (m.find()) {
            Matcher table = STRUCTURED_TABLE.matcher(m.group(2));
            if (table.find()) {
                boolean everyRow = m.group(1).equals("addNotNullConstraint") ? m.group(2).contains("defaultNullValue")
                        : !m.group(2).matches("(?s).*\\bwhere[\"']?\\s*:.*");
                tables.merge(normalize(table.group(1)), everyRow, Boolean::logicalOr);
            }
        }
        return tables;
    }

    /** The tables the migration at {@code tick} inserts rows into or deletes rows from, as PostgreSQL folds their names. */
    Set<String> writtenAt(int tick) {
        return inserts.getOrDefault(tick, Set.of());
    }

    /** The migration after tick {@code after} that copies rows into {@code table}, or {@code null}. */
    String copiedLater(String table, int after) {
        return copies.entrySet().stream().filter(e -> e.getKey() > after && e.getValue().stream().anyMatch(w -> names(table, w)))
                .map(e -> labels.get(e.getKey()))
                .findFirst().orElse(null);
    }

    /**
     * Whether {@code written}, a table name as a migration's text has it, names the table
     * {@code qualified}. A changelog parameter in it ({@code ${prefix}plans}) stands for any text.
     */
    static boolean names(String qualified, String written) {
        String bare = bare(qualified);
        if (!written.contains("${")) {
            return bare.equals(written);
        }
        String pattern = Arrays.stream(written.split("\\$\\{[^}]*}", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return bare.matches(pattern);
    }

    /** A qualified name ({@code public."PROJECT"}) as {@link #normalize} gives it. */
    static String bare(String qualified) {
        return normalize(qualified.substring(qualified.lastIndexOf('.') + 1));
    }

    /** PostgreSQL's folding: quoted names as written, others in lower case. */
    static String normalize(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(Locale.ROOT);
    }
}
