package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.SqlType;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.config.SeedOptions;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeedPlanTest {

    private static Column col(String name, boolean notNull) {
        return new Column(name, 0, new SqlType("int8", "bigint", -1, -1, -1, List.of(), null), notNull, false, false, null, false, null,
                List.of());
    }

    private static Table table(String name, ForeignKey... fks) {
        return new Table(0, "public." + name, List.of(col("id", true), col("a_id", false), col("b_id", true)),
                List.of(List.of("id")), Arrays.asList(fks), List.of(), null, List.of(), List.of());
    }

    private static ForeignKey fk(String name, String column, String parent) {
        return new ForeignKey(name, List.of(column), "public." + parent, List.of("id"));
    }

    private static Map<String, Table> catalog(Table... tables) {
        Map<String, Table> map = new LinkedHashMap<>();
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return map;
    }

    @Test
    void rowCountsFollowTheBriefsShape() {
        Map<String, Table> wishlist = catalog(table("users"), table("sets", fk("s_u", "b_id", "users")),
                table("wishlist_items", fk("i_s", "b_id", "sets"), fk("i_u", "a_id", "users")));

        Map<String, Long> medium = SeedPlan.rowCounts(wishlist, SeedOptions.parse("medium", 1, 0.1, Map.of()));
        Map<String, Long> small = SeedPlan.rowCounts(wishlist, SeedOptions.parse("small", 1, 0.1, Map.of("users", 3L)));

        assertThat(medium).containsExactly(Map.entry("public.users", 16_666L), Map.entry("public.sets", 25_000L),
                Map.entry("public.wishlist_items", 100_000L));
        assertThat(small).containsEntry("public.users", 3L).containsEntry("public.sets", 2_500L);
    }

    @Test
    void rowsGrowDownTheForeignKeyGraphAsInALendingDatabase() {
        // Fineract's shape: every table records the user who made it, and loans hang deep under offices
        Map<String, Table> bank = catalog(table("offices"), table("users", fk("u_o", "b_id", "offices")),
                table("clients", fk("c_o", "b_id", "offices"), fk("c_u", "a_id", "users")),
                table("loans", fk("l_c", "b_id", "clients"), fk("l_u", "a_id", "users")),
                table("loan_transactions", fk("t_l", "b_id", "loans"), fk("t_u", "a_id", "users")),
                table("journal_entries", fk("j_t", "a_id", "loan_transactions"), fk("j_o", "b_id", "offices")));

        Map<String, Long> small = SeedPlan.rowCounts(bank, SeedOptions.parse("small", 1, 0.1, Map.of()));

        assertThat(small.get("public.loans")).isGreaterThanOrEqualTo(1_000L);
        assertThat(small.get("public.clients")).isLessThan(small.get("public.loans"));
        assertThat(small.get("public.loan_transactions")).isGreaterThan(small.get("public.loans"));
        assertThat(small.get("public.journal_entries")).isEqualTo(10_000L);
        assertThat(small.get("public.offices")).isLessThan(small.get("public.clients"));
    }

    @Test
    void parentsComeFirstAndACycleBreaksAtANullableKey() {
        Table departments = table("departments", fk("head", "a_id", "employees"));      // a_id is nullable
        Table employees = table("employees", fk("dept", "b_id", "departments"), fk("manager", "a_id", "employees"));
        Table badges = table("badges", fk("owner", "b_id", "employees"));

        SeedPlan.Ordered order = SeedPlan.order(List.of(badges, employees, departments));

        assertThat(order.tables()).extracting(Table::name).containsExactly("public.departments", "public.employees", "public.badges");
        assertThat(order.nulledForeignKeys()).containsExactly("public.departments/head");
    }

    @Test
    void aTableThatOnlyWaitsForACycleKeepsItsKeyAndLoadsAfterIt() {
        // Marquez: facets point at runs (nullable), which is on a cycle with jobs; listed first, facets must not lose its key
        Table facets = table("facets", fk("facet_run", "a_id", "runs"));
        Table runs = table("runs", fk("run_job", "b_id", "jobs"));
        Table jobs = table("jobs", fk("job_latest_run", "a_id", "runs"));

        SeedPlan.Ordered order = SeedPlan.order(List.of(facets, runs, jobs));

        assertThat(order.nulledForeignKeys()).containsExactly("public.jobs/job_latest_run");
        assertThat(order.tables()).extracting(Table::name).containsExactly("public.jobs", "public.runs", "public.facets");
    }

    @Test
    void aCycleThroughNotNullKeysLeavesOneTableEmptyWithTheReasonInsteadOfStopping() {
        Table a = table("a", fk("a_b", "b_id", "b"));
        Table b = table("b", fk("b_a", "b_id", "a"));

        SeedPlan.Ordered order = SeedPlan.order(List.of(a, b));

        assertThat(order.tables()).extracting(Table::name).containsExactly("public.a", "public.b");
        assertThat(order.emptied()).containsOnlyKeys("public.a");
        assertThat(order.emptied().get("public.a")).contains("cycle through NOT NULL columns (public.a, public.b)");
    }
}
