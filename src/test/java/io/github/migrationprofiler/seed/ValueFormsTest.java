package io.github.migrationprofiler.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which form migrations read text columns in, from their casts. */
class ValueFormsTest {

    @Test
    void aCastOfAColumnGivesItsForm() {
        ValueForms forms = new ValueForms();
        forms.scan("db/migration/V33__run_uuid.sql", 1, "UPDATE lineage_events SET run_uuid = run_id::uuid;\nNEW.attempt := NEW.\"Tries\" :: int;");
        forms.scan("changelog.xml", 40, "UPDATE t SET n = CAST(t.amount AS numeric(10,2)), d = CAST(\"Day\" AS date), at = seen::timestamp with time zone");

        assertThat(forms.of("run_id")).map(Object::toString).contains("uuid, from V33__run_uuid.sql:1");
        assertThat(forms.of("Tries")).map(Object::toString).contains("integer, from V33__run_uuid.sql:2");
        assertThat(forms.of("amount")).map(ValueForms.Learned::form).contains(ValueForms.Form.NUMERIC);
        assertThat(forms.of("day")).map(ValueForms.Learned::form).contains(ValueForms.Form.DATE);
        assertThat(forms.of("seen")).map(Object::toString).contains("timestamp, from changelog.xml:40");
    }

    @Test
    void literalsExpressionsAndOtherTypesAreNotColumns() {
        ValueForms forms = new ValueForms();
        forms.scan("V1.sql", 1, "SELECT '2024-01-01'::date, now()::date, 42::bigint, name::text, (payload)::jsonb, tags::text[]");

        assertThat(forms.of("date")).isEmpty();
        assertThat(forms.of("name")).as("text is no form").isEmpty();
        assertThat(forms.of("payload")).as("only a plain name right before the cast").isEmpty();
    }

    @Test
    void theFirstCastOfAColumnWins() {
        ValueForms forms = new ValueForms();
        forms.scan("V1.sql", 1, "SELECT code::int; SELECT code::uuid");

        assertThat(forms.of("code")).map(ValueForms.Learned::form).contains(ValueForms.Form.INTEGER);
    }

    @Test
    void everyFormHasAPatternThatMakesValues() {
        for (ValueForms.Form form : ValueForms.Form.values()) {
            assertThat(form.sample().nth(7)).as(form.name()).isNotBlank();
        }
        assertThat(ValueForms.Form.UUID.sample().nth(3)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ValueForms.Form.JSON.sample().nth(3)).matches("\\{\"n\": [1-9][0-9]{0,3}}");
    }
}
