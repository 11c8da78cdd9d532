package io.github.migrationprofiler.pass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.analysis.rules.SqlText;
import io.github.migrationprofiler.result.PlanSummary;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * Explains data-changing statements before they run. Plain {@code EXPLAIN} does not execute
 * anything; inside a transaction it runs under a savepoint, so a statement EXPLAIN cannot handle
 * (several statements in one string, parameters) leaves the transaction as it was.
 */
final class PlanInspector {

    private static final Pattern DML = Pattern.compile(
            "^(UPDATE|DELETE|MERGE)\\b.*|^INSERT\\b.*\\bSELECT\\b.*|^WITH\\b.*\\b(UPDATE|DELETE|INSERT)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final JsonMapper JSON = new JsonMapper();
    private static final Set<String> JOINS = Set.of("Nested Loop", "Hash Join", "Merge Join");

    private PlanInspector() {
    }

    static boolean isDml(String sql) {
        return DML.matcher(SqlText.normalize(sql)).matches();
    }

    /** The plan of {@code sql} with {@code actualRows} still 0, or {@code null} when it cannot be explained. */
    static PlanSummary explain(Connection connection, String sql) {
        try {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint("migration_profiler_explain");
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
                rs.next();
                PlanSummary plan = summarise(JSON.readTree(rs.getString(1)).get(0).get("Plan"), table -> plannedRows(connection, table));
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
                return plan;
            } catch (SQLException | IOException e) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The planner's row count of a table named as the plan names it (unqualified: on the search
     * path); 0 when unknown or unreadable, and the plan's own estimate stands.
     */
    private static long plannedRows(Connection connection, String table) {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(quote_ident(?))")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    /** @param tableRows a table's rows as the planner knows them, by the name the plan gives */
    static PlanSummary summarise(JsonNode root, ToLongFunction<String> tableRows) {
        Walk walk = new Walk(tableRows);
        walk.node(root);
        JsonNode counted = root.path("Node Type").asText().equals("ModifyTable") && root.has("Plans") ? root.get("Plans").get(0) : root;
        return new PlanSummary(new ArrayList<>(walk.nodes), new ArrayList<>(walk.seqScans), counted.path("Plan Rows").asLong(), 0,
                walk.pairRows, walk.scanRows);
    }

    /** One pass over a plan: its node types, what it scans whole, and the most rows it reads and pairs. */
    private static final class Walk {
        private final ToLongFunction<String> tableRows;
        private final Map<String, Long> rowsByTable = new HashMap<>(); // one catalog read per table, however often scanned
        private final Set<String> nodes = new LinkedHashSet<>();
        private final Set<String> seqScans = new LinkedHashSet<>();
        private long pairRows;
        private long scanRows;

        Walk(ToLongFunction<String> tableRows) {
            this.tableRows = tableRows;
        }

        void node(JsonNode node) {
            String type = node.path("Node Type").asText();
            nodes.add(type);
            if (type.equals("Seq Scan")) {
                String schema = node.path("Schema").asText("");
                seqScans.add((schema.isEmpty() ? "" : schema + ".") + node.path("Relation Name").asText());
            }
            if (node.has("Relation Name")) {
                scanRows = Math.max(scanRows, read(node));
            }
            if (JOINS.contains(type)) {
                pairRows = Math.max(pairRows, Math.max(node.path("Plan Rows").asLong(), unindexedPairs(node)));
            }
            String conditions = conditions(node);
            for (JsonNode child : node.path("Plans")) {
                boolean hashed = conditions.contains("hashed " + child.path("Subplan Name").asText()); // built once, probed per row
                if (child.path("Parent Relationship").asText().equals("SubPlan") && !hashed) {
                    // a correlated subquery runs once per row of its parent: what it scans whole is read that often
                    pairRows = Math.max(pairRows, saturated(node.path("Plan Rows").asDouble() * wholeScans(child)));
                }
                node(child);
            }
        }

        /** The node's own texts (filters, conditions, outputs), where a subplan it uses is named; not its children. */
        private static String conditions(JsonNode node) {
            StringBuilder text = new StringBuilder();
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("Plans")) {
                    text.append(field.getValue()).append(' ');
                }
            });
            return text.toString();
        }

        /** Rows a scan reads: the whole table for a sequential scan (its estimate counts only those it keeps). */
        private long read(JsonNode scan) {
            long kept = scan.path("Plan Rows").asLong();
            if (!scan.path("Node Type").asText().equals("Seq Scan")) {
                return kept;
            }
            return Math.max(kept, rowsByTable.computeIfAbsent(scan.path("Relation Name").asText(), tableRows::applyAsLong));
        }

        /**
         * A nested loop whose inner side is read whole for every outer row (a scan or a materialised
         * one, not an index lookup): it tries outer × inner pairs, however few it keeps.
         */
        private long unindexedPairs(JsonNode join) {
            JsonNode plans = join.path("Plans");
            if (!join.path("Node Type").asText().equals("Nested Loop") || plans.size() < 2) {
                return 0;
            }
            String inner = plans.get(1).path("Node Type").asText();
            if (!inner.equals("Seq Scan") && !inner.equals("Materialize")) {
                return 0;
            }
            return saturated(plans.get(0).path("Plan Rows").asDouble() * wholeScans(plans.get(1)));
        }

        /** The most rows a sequential scan under {@code node} reads (an index lookup reads few). */
        private long wholeScans(JsonNode node) {
            long largest = node.path("Node Type").asText().equals("Seq Scan") ? read(node) : 0;
            for (JsonNode child : node.path("Plans")) {
                largest = Math.max(largest, wholeScans(child));
            }
            return largest;
        }

        private static long saturated(double pairs) {
            return (long) Math.min(Long.MAX_VALUE / 2.0, pairs);
        }
    }
}
