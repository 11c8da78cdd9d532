package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.SqlType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnRulesTest {

    private static Column column(String name, String... domainChecks) {
        return new Column(name, 1, new SqlType("int4", "integer", -1, -1, -1, List.of(), null), false, false, false, null,
                false, null, List.of(domainChecks));
    }

    /** Table checks as PostgreSQL prints them; the columns they read are left to the parser. */
    private static List<Check> checks(String... definitions) {
        return Arrays.stream(definitions).map(d -> new Check("c", d, List.of())).toList();
    }

    @Test
    void readsRangesAsPostgresPrintsThem() {
        ColumnRules rules = ColumnRules.of(column("rating"), checks("CHECK (((rating >= 1) AND (rating <= 5)))"), null, List.of());

        assertThat(rules.min).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(rules.max).isEqualByComparingTo(new BigDecimal(5));
        assertThat(rules.minExclusive).isFalse();
    }

    @Test
    void readsCastsInListsAndLengths() {
        ColumnRules price = ColumnRules.of(column("price"), checks("CHECK ((price > (0)::numeric))"), null, List.of());
        ColumnRules status = ColumnRules.of(column("status"),
                checks("CHECK (((status)::text = ANY ((ARRAY['open'::character varying, 'it''s'::character varying])::text[])))"),
                null, List.of());
        ColumnRules title = ColumnRules.of(column("title"), checks("CHECK ((char_length(title) >= 3))",
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
                checks("CHECK ((ends_at > starts_at))", "CHECK ((other < 10))", "CHECK ((score % 2 = 0))"), null, List.of());

        assertThat(rules.min).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rules.minExclusive).isTrue();
        assertThat(rules.max).isNull();
        assertThat(rules.allowed).isEmpty();
    }

    @Test
    void readsTheFormsRealSchemasUse() {
        // Hibernate's enum check, a nullable IN list, an OR of equalities, a pattern, a LIKE, a trimmed non-empty text
        ColumnRules hibernate = ColumnRules.of(column("status"), checks("CHECK (((status)::text = ANY ((ARRAY['A'::character varying, "
                + "'B'::character varying])::text[])))"), null, List.of());
        ColumnRules nullable = ColumnRules.of(column("STATUS"), checks("CHECK (((\"STATUS\" IS NULL) OR ((\"STATUS\")::text = ANY "
                + "(ARRAY['IN_PROGRESS'::text, 'PROCESSED'::text]))))"), null, List.of());
        ColumnRules ors = ColumnRules.of(column("kind"), checks("CHECK (((kind = 'x'::text) OR (kind = 'y'::text)))"), null, List.of());
        ColumnRules pattern = ColumnRules.of(column("code"), checks("CHECK ((code ~ '^[A-Z]{3}-\\d{2}$'::text))"), null, List.of());
        ColumnRules like = ColumnRules.of(column("sku"), checks("CHECK (((sku)::text ~~ 'SKU-%'::text))"), null, List.of());
        ColumnRules trimmed = ColumnRules.of(column("name"), checks("CHECK ((btrim(name) <> ''::text))"), null, List.of());

        assertThat(hibernate.allowed).containsExactly("A", "B");
        assertThat(nullable.allowed).containsExactly("IN_PROGRESS", "PROCESSED");
        assertThat(ors.allowed).containsExactly("x", "y");
        assertThat(pattern.pattern.random(12345)).matches("[A-Z]{3}-\\d{2}");
        assertThat(like.pattern.random(7)).startsWith("SKU-");
        assertThat(trimmed.minLength).isEqualTo(1);
        assertThat(List.of(hibernate, nullable, ors, pattern, like, trimmed)).allMatch(r -> r.understood);
    }

    @Test
    void relatesColumnsAndSaysWhatItDoesNotUnderstand() {
        ColumnRules died = ColumnRules.of(column("died"), checks("CHECK (((died IS NULL) OR (died >= born)))"), null, List.of());
        ColumnRules born = ColumnRules.of(column("born"), checks("CHECK (((died IS NULL) OR (died >= born)))"), null, List.of());
        ColumnRules notNull = ColumnRules.of(column("bar"), checks("CHECK ((bar IS NOT NULL)) NOT VALID"), null, List.of());
        ColumnRules strange = ColumnRules.of(column("n"), checks("CHECK (((n % 7) = 3))"), null, List.of());
        ColumnRules lists = ColumnRules.of(column("t"), checks("CHECK ((t = ANY (ARRAY['a'::text, 'b'::text, 'c'::text])))",
                "CHECK ((t <> 'b'::text))"), null, List.of());

        assertThat(died.relations).containsExactly(new ColumnRules.Relation(">=", "born"));
        assertThat(born.relations).isEmpty();
        assertThat(ColumnRules.Relation.mirror(">=")).isEqualTo("<=");
        assertThat(notNull.notNull).isTrue();
        assertThat(strange.understood).isFalse();
        assertThat(lists.allowed).containsExactly("a", "c");
    }

    @Test
    void partitionBoundsBecomeRangesOrLists() {
        ColumnRules range = ColumnRules.of(column("at"), checks(), "at", List.of(
                "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
                "FOR VALUES FROM ('2023-01-01 00:00:00+00') TO ('2024-01-01 00:00:00+00')"));
        ColumnRules list = ColumnRules.of(column("region"), checks(), "region", List.of("FOR VALUES IN ('eu', 'us')"));
        ColumnRules withDefault = ColumnRules.of(column("region"), checks(), "region", List.of("FOR VALUES IN ('eu')", "DEFAULT"));

        assertThat(range.ranges).hasSize(2);
        assertThat(range.lowerText).startsWith("2023-01-01");
        assertThat(range.upperText).startsWith("2025-01-01");
        assertThat(list.allowed).containsExactly("eu", "us");
        assertThat(withDefault.allowed).isEmpty();
    }
}
