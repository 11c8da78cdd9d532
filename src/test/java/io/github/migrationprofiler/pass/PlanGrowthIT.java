package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.engine.Engines;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.it.TestPostgres;
import io.github.migrationprofiler.result.PlanSummary;
import io.github.migrationprofiler.support.ProfilerLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How the plans PostgreSQL makes for a data change tell work that grows faster than the rows: a
 * join that pairs every row with many others, a nested loop without an index, a correlated
 * subquery that scans a table per row — and not a join on a key, or a subquery hashed once.
 */
class PlanGrowthIT {

    static final TestPostgres server = TestPostgres.shared();
    private static ScratchDatabase database;
    private static Connection connection;

    @BeforeAll
    static void tables() throws SQLException {
        database = ScratchDatabase.create(Engines.existing(server.jdbcUrl(), TestPostgres.PROFILER), ProfilerLog.SILENT, null);
        connection = database.connect();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE items (id bigint PRIMARY KEY, kind int NOT NULL, name text, at timestamptz NOT NULL)");
            s.execute("CREATE TABLE tags (item_id bigint NOT NULL, tag text)");
            s.execute("INSERT INTO items SELECT g, g % 3, 'n' || g, now() - g * interval '1 min' FROM generate_series(1, 2000) g");
            s.execute("INSERT INTO tags SELECT g % 2000 + 1, 't' || g FROM generate_series(1, 4000) g");
            s.execute("ANALYZE");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        database.close();
        server.assertLeftNothingBehind();
    }

    @Test
    void aSelfJoinOnAColumnWithFewValuesPairsEveryRowWithAThirdOfTheTable() {
        PlanSummary plan = PlanInspector.explain(connection,
                "UPDATE items SET name = other.name FROM items other WHERE other.kind = items.kind AND other.id <> items.id");

        assertThat(plan.scanRows()).isEqualTo(2000);
        assertThat(plan.growth()).as("%,d pairs", plan.pairRows()).isCloseTo(1.85, within(0.1));
    }

    @Test
    void aCorrelatedSubqueryThatScansATablePerRowGrowsAsTheProductOfBoth() {
        PlanSummary plan = PlanInspector.explain(connection,
                "UPDATE items SET name = (SELECT string_agg(tag, ',') FROM tags WHERE tags.item_id = items.id)");

        assertThat(plan.pairRows()).isEqualTo(2000L * 4000);
        assertThat(plan.growth()).isGreaterThan(PlanSummary.SUPERLINEAR);
    }

    @Test
    void aJoinOnAKeyAndAHashedSubqueryGrowAsTheRowsDo() {
        assertThat(PlanInspector.explain(connection,
                "UPDATE tags SET tag = items.name FROM items WHERE items.id = tags.item_id").growth()).isEqualTo(1);
        assertThat(PlanInspector.explain(connection,
                "DELETE FROM items WHERE id NOT IN (SELECT item_id FROM tags)").growth()).isEqualTo(1);
    }
}
