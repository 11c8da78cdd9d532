package io.github.migrationprofiler.seed;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnRulesTest {

    private static Column column(String name, String... domainChecks) {
        return new Column(name, new SqlType("int4", "integer", -1, -1, -1, List.of(), null), false, false, false, null,
                false, List.of(domainChecks));
    }

    @Test
    void readsRangesAsPostgresPrintsThem() {
        ColumnRules rules = ColumnRules.of(column("rating"), List.of("CHECK (((rating >= 1) AND (rating <= 5)))"), null, List.of());

        assertThat(rules.min).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(rules.max).isEqualByComparingTo(new BigDecimal(5));
        assertThat(rules.minExclusive).isFalse();
    }

    @Test
    void readsCastsInListsAndLengths() {
        ColumnRules price = ColumnRules.of(column("price"), List.of("CHECK ((price > (0)::numeric))"), null, List.of());
        ColumnRules status = ColumnRules.of(column("status"),
                List.of("CHECK (((status)::text = ANY ((ARRAY['open'::character varying, 'it''s'::character varying])::text[])))"),
                null, List.of());
        ColumnRules title = ColumnRules.of(column("title"), List.of("CHECK ((char_length(title) >= 3))",
                "CHECK ((length((title)::text) <= 20))"), null, List.of());

        assertThat(price.min).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(price.minExclusive).isTrue();
        assertThat(status.allowed).containsExactly("open", "it's");
        assertThat(title.minLength).isEqualTo(3);
        assertThat(title.maxLength).isEqualTo(20);
    }

    @Test
    void appliesDomainChecksAndIgnoresOtherColumnsAndUnknownForms() {
        ColumnRules rules = ColumnRules.of(column("score", "CHECK ((VALUE > 0))"),
                List.of("CHECK ((ends_at > starts_at))", "CHECK ((other < 10))", "CHECK ((score % 2 = 0))"), null, List.of());

        assertThat(rules.min).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rules.minExclusive).isTrue();
        assertThat(rules.max).isNull();
        assertThat(rules.allowed).isEmpty();
    }

    @Test
    void partitionBoundsBecomeRangesOrLists() {
        ColumnRules range = ColumnRules.of(column("at"), List.of(), "at", List.of(
                "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
                "FOR VALUES FROM ('2023-01-01 00:00:00+00') TO ('2024-01-01 00:00:00+00')"));
        ColumnRules list = ColumnRules.of(column("region"), List.of(), "region", List.of("FOR VALUES IN ('eu', 'us')"));
        ColumnRules withDefault = ColumnRules.of(column("region"), List.of(), "region", List.of("FOR VALUES IN ('eu')", "DEFAULT"));

        assertThat(range.lowerText).startsWith("2023-01-01");
        assertThat(range.upperText).startsWith("2025-01-01");
        assertThat(list.allowed).containsExactly("eu", "us");
        assertThat(withDefault.allowed).isEmpty();
    }
}
