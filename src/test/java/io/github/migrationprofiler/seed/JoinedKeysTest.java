package io.github.migrationprofiler.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which columns the migrations join on, aliases and changelog parameters resolved. */
class JoinedKeysTest {

    @Test
    void aBackfillsJoinIsReadFromBothSidesThroughItsAliases() {
        JoinedKeys joins = new JoinedKeys();
        joins.scan("  - changeSet:\n      id: 3.9.0\n      changes:\n        - sql:\n            sql: "
                + "update ${prefix}entrypoints set reference_id = (SELECT organization_id from ${prefix}environments env "
                + "where ${prefix}entrypoints.environment_id = env.id) from ${prefix}entrypoints ent where ent.environment_id IS NOT NULL;");

        assertThat(joins.of("public.gv_entrypoints")).containsExactly(
                new JoinedKeys.Join("${prefix}entrypoints", "environment_id", "${prefix}environments", "id", true, false));
        assertThat(joins.of("public.gv_environments")).extracting(JoinedKeys.Join::column).containsExactly("id");
    }

    @Test
    void aBareColumnBelongsToTheUpdatedTable() {
        JoinedKeys joins = new JoinedKeys();
        joins.scan("update ${p}keys set api = ( select s.api from ${p}subscriptions s where s.id = subscription)");

        assertThat(joins.of("public.keys")).containsExactly(new JoinedKeys.Join("${p}keys", "subscription", "${p}subscriptions", "id", true, false));
        assertThat(joins.readColumns("public.subscriptions")).as("the value the backfill fills keys.api with").containsExactly("api");
        assertThat(joins.readColumns("public.keys")).isEmpty();
    }

    @Test
    void aTableABackfillFillsFromMustReachEveryRowOfIt() {
        JoinedKeys joins = new JoinedKeys();
        joins.scan("- sql:\n    sql: update plans set api = (select pa.api from plan_apis pa where pa.plan_id = id)\n"
                + "- sql:\n    sql: update audits set organization_id = e.organization_id from environments e where e.id = audits.env");

        assertThat(JoinedKeys.covering(joins.of("public.plan_apis"))).containsExactly("plan_id");
        assertThat(JoinedKeys.covering(joins.of("public.plans"))).isEmpty();
        assertThat(joins.of("public.plan_apis")).as("each YAML item is a statement of its own").extracting(JoinedKeys.Join::otherTable)
                .containsOnly("plans");
    }

    @Test
    void unknownQualifiersAndSelfJoinsAreNoJoins() {
        JoinedKeys joins = new JoinedKeys();
        joins.scan("UPDATE orders o SET total = x.total FROM (SELECT 1) x WHERE o.id = x.id; "
                + "UPDATE items i SET parent = p.id FROM items p WHERE i.parent_code = p.code;"
                + "CREATE VIEW v AS SELECT * FROM orders o JOIN customers c ON o.customer_id = c.id");

        assertThat(joins.of("public.orders")).isEmpty();
        assertThat(joins.of("public.items")).isEmpty();
        assertThat(joins.of("public.orders")).as("a view fills nothing").isEmpty();
    }
}
