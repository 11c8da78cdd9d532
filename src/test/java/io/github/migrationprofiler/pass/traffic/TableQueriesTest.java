package io.github.migrationprofiler.pass.traffic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The everyday mix of queries on a table: mostly reads, some updates, an insert. */
class TableQueriesTest {

    @Test
    void sixReadsThreeUpdatesAndAnInsertInTen() {
        TableQueries queries = new TableQueries("public.orders", "SELECT * FROM public.orders WHERE id = ?",
                "UPDATE public.orders SET note = note WHERE id = ?",
                "INSERT INTO public.orders (note) SELECT note FROM public.orders WHERE id = ? ON CONFLICT DO NOTHING", List.of(1L, 2L));

        List<Template> mix = queries.templates();

        assertThat(mix).hasSize(10).allMatch(t -> t.table().equals("public.orders"));
        assertThat(mix).filteredOn(t -> t.sql().startsWith("SELECT")).hasSize(6).noneMatch(Template::write);
        assertThat(mix).filteredOn(t -> t.sql().startsWith("UPDATE")).hasSize(3).allMatch(Template::write)
                .noneMatch(Template::rolledBack);
        assertThat(mix).filteredOn(t -> t.sql().startsWith("INSERT")).as("a copy of a row, rolled back").hasSize(1)
                .allMatch(Template::rolledBack);
    }

    @Test
    void readsStandInForWhatATableCannotTake() {
        TableQueries readOnly = new TableQueries("public.t", "SELECT * FROM public.t WHERE id = ?", null, null, List.of(1L));

        assertThat(readOnly.templates()).hasSize(10).allMatch(t -> t.sql().startsWith("SELECT"));
    }
}
