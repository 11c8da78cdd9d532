package io.github.migrationprofiler.pass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.analysis.rules.SqlText;
import io.github.migrationprofiler.result.PlanSummary;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
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
                PlanSummary plan = summarise(JSON.readTree(rs.getString(1)).get(0).get("Plan"));
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

    static PlanSummary summarise(JsonNode root) {
        Set<String> nodes = new LinkedHashSet<>();
        Set<String> seqScans = new LinkedHashSet<>();
        walk(root, nodes, seqScans);
        JsonNode counted = root.path("Node Type").asText().equals("ModifyTable") && root.has("Plans") ? root.get("Plans").get(0) : root;
        return new PlanSummary(new ArrayList<>(nodes), new ArrayList<>(seqScans), counted.path("Plan Rows").asLong(), 0);
    }

    private static void walk(JsonNode node, Set<String> nodes, Set<String> seqScans) {
        nodes.add(node.path("Node Type").asText());
        if (node.path("Node Type").asText().equals("Seq Scan")) {
            String schema = node.path("Schema").asText("");
            seqScans.add((schema.isEmpty() ? "" : schema + ".") + node.path("Relation Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, nodes, seqScans);
        }
    }
}
