package io.github.migrationprofiler.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Expressions;
import io.github.migrationprofiler.catalog.ForeignKey;
import io.github.migrationprofiler.catalog.SqlType;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.config.SeedOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the seeder reads out of SQL text: JSON keys, patterns, what migrations write, which branch of a CHECK to take. */
class SchemaTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document(JsonShape shape, long row) throws Exception {
        StringBuilder out = new StringBuilder();
        shape.append(42, row, 10, out);
        return JSON.readTree(out.toString());
    }

    @Test
    void jsonDocumentsGetTheKeysExpressionsReadWithTheKindTheyCastTo() throws Exception {
        JsonShapes shapes = new JsonShapes();
        shapes.scan("((value ->> 'deleted'::text))::boolean");                       // a generated column, as printed
        shapes.scan("CREATE INDEX i ON t USING btree (((payload #>> '{customer,id}'::text[])))");
        shapes.scan("UPDATE t SET region = payload ->> 'region' WHERE payload ? 'region' AND payload->'meta'->>'tier' = 'gold'");
        shapes.scan("SELECT * FROM t WHERE payload @> '{\"channel\": \"web\"}' AND jsonb_path_exists(payload, '$.items[*].sku')");
        shapes.scan("<sql>UPDATE t SET n = (payload -&gt;&gt; 'count')::int</sql>");  // Liquibase XML

        JsonNode value = document(shapes.forColumn("public.t", "value"), 3);
        JsonNode payload = document(shapes.forColumn("public.t", "payload"), 3);

        assertThat(value.get("deleted").isBoolean()).isTrue();
        assertThat(payload.at("/customer/id").isMissingNode()).isFalse();
        assertThat(payload.has("region")).isTrue();
        assertThat(payload.at("/meta/tier").isTextual()).isTrue();
        assertThat(payload.get("items").isArray()).isTrue();
        assertThat(payload.get("count").isInt()).isTrue();
        boolean someGold = false;
        boolean someWeb = false;
        for (long row = 0; row < 50; row++) { // literals compared with show up, among other values
            JsonNode doc = document(shapes.forColumn("public.t", "payload"), row);
            someGold |= doc.at("/meta/tier").asText().equals("gold");
            someWeb |= doc.get("channel").asText().equals("web");
        }
        assertThat(someGold).isTrue();
        assertThat(someWeb).isTrue();
    }

    @Test
    void aSampleDocumentFromThePomJoinsAndWinsForItsColumn() throws Exception {
        JsonShapes shapes = new JsonShapes();
        shapes.sample("orders.payload", "{\"express\": true, \"lines\": [{\"sku\": \"A-1\", \"qty\": 2}]}");

        JsonNode doc = document(shapes.forColumn("public.orders", "payload"), 1);

        assertThat(doc.get("express").isBoolean()).isTrue();
        assertThat(doc.at("/lines/0/qty").isInt()).isTrue();
        assertThat(shapes.forColumn("public.other", "payload")).isNull();
    }

    @Test
    void regularExpressionsGiveMatchingAndDistinctStrings() {
        RegexSample code = RegexSample.of("^[A-Z]{3}-\\d{2,4}(-(x|yz))?$").orElseThrow();
        RegexSample posix = RegexSample.of("^[[:alpha:]][[:alnum:]_]*$").orElseThrow();

        for (long i = 0; i < 200; i++) {
            assertThat(code.random(i * 7919)).matches("[A-Z]{3}-\\d{2,4}(-(x|yz))?");
            assertThat(posix.random(i)).matches("[A-Za-z][A-Za-z0-9_]*");
        }
        assertThat(LongStream.range(0, 1000).mapToObj(code::nth).distinct().count()).isEqualTo(1000);
        assertThat(RegexSample.of("^(a)\\1$")).isEmpty();      // back references are declined: the database decides
        assertThat(RegexSample.of("^(?=x)")).isEmpty();
        assertThat(CheckText.likeToRegex("SKU-%_x.")).isEqualTo("^SKU-.*.x\\.$");
    }

    @Test
    void whatMigrationsWriteIsReadFromTheirText() {
        TableWrites writes = new TableWrites();
        writes.scan(3, "V3", "INSERT INTO roles (id, code) VALUES (1, 'a');\nINSERT INTO \"People_Copy\" (id) SELECT id FROM people;");
        writes.scan(4, "V4", "<insert tableName=\"job\"><column name=\"id\" valueNumeric=\"1\"/></insert>\n"
                + "<delete tableName=\"job\"><where>name='x'</where></delete>");

        assertThat(writes.writtenAt(3)).containsExactlyInAnyOrder("roles", "People_Copy");
        assertThat(writes.writtenAt(4)).containsExactly("job");
        assertThat(writes.copiedLater("public.\"People_Copy\"", 2)).isEqualTo("V3");
        assertThat(writes.copiedLater("public.\"People_Copy\"", 3)).isNull();
        assertThat(writes.copiedLater("public.roles", 0)).isNull();

        // row by row: a WHERE that picks rows by value; a backfill: no WHERE, a join, or a test without literals
        assertThat(TableWrites.updates("UPDATE t SET a = 1 WHERE name = 'x'; UPDATE u SET b = 2; UPDATE v SET c = 3 WHERE c IS NULL;"
                + "UPDATE \"W\" AS w SET d = x.d FROM x WHERE w.id = x.id;"))
                .isEqualTo(Map.of("t", false, "u", true, "v", true, "W", true));
        assertThat(TableWrites.updates("<update tableName=\"job\"><column name=\"s\" value=\"X\"/><where>name='a'</where></update>"
                + "<addNotNullConstraint tableName=\"job\" columnName=\"s\" defaultNullValue=\"?\"/>")).isEqualTo(Map.of("job", true));
        // YAML and JSON changelogs, with a table-prefix parameter
        assertThat(TableWrites.updates("- addNotNullConstraint:\n    tableName: report_dashboard\n    columnName: visualization\n"
                + "    defaultNullValue: '{}'\n- update:\n    tableName: ${prefix}plans\n    columns:\n      - column: {name: x, value: y}\n"
                + "    where: id = 'a'\n"))
                .isEqualTo(Map.of("report_dashboard", true, "${prefix}plans", false));
        assertThat(TableWrites.updates("{\"update\": {\"tableName\": \"card\", \"columns\": []}}")).isEqualTo(Map.of("card", true));
        assertThat(TableWrites.names("public.gv_plans", "${prefix}plans")).isTrue();
        assertThat(TableWrites.names("public.gv_plans_x", "${prefix}plans")).isFalse();
        assertThat(TableWrites.columnCopies("UPDATE users SET created_by = created_by_id, stamp = now(), n = 1;"
                + "<addColumn tableName=\"m_client\"><column name=\"created_by\" valueComputed=\"submittedon_userid\"/></addColumn>"))
                .containsExactly(new TableWrites.ColumnCopy("users", "created_by", "created_by_id"),
                        new TableWrites.ColumnCopy("m_client", "created_by", "submittedon_userid"));
    }

    @Test
    void aCheckOfAlternativesTakesOneBranchThatAgreesWithTheOthers() {
        Table users = table(List.of(
                new Check("type_check", "CHECK ((\"TYPE\" = ANY (ARRAY['MANAGED'::text, 'LDAP'::text, 'OIDC'::text])))", List.of("TYPE")),
                new Check("ldap_check", "CHECK ((((\"TYPE\" = 'LDAP'::text) AND (\"DN\" IS NOT NULL)) OR ((\"TYPE\" <> 'LDAP'::text) "
                        + "AND (\"DN\" IS NULL))))", List.of("TYPE", "DN")),
                new Check("managed_check", "CHECK ((((\"TYPE\" = 'MANAGED'::text) AND (\"PASSWORD\" IS NOT NULL)) OR ((\"TYPE\" <> "
                        + "'MANAGED'::text) AND (\"PASSWORD\" IS NULL))))", List.of("TYPE", "PASSWORD")),
                new Check("dates", "CHECK (((died IS NULL) OR (died >= born)))", List.of("died", "born"))));

        CheckBranches.Choice choice = CheckBranches.choose(users);

        assertThat(choice.nulls()).containsExactly("PASSWORD");          // LDAP was taken first; MANAGED cannot agree with it
        assertThat(choice.checks().get(1).definition()).contains("'LDAP'").doesNotContain(" OR ");
        assertThat(choice.checks().get(3)).isEqualTo(users.checks().get(3)); // a branch with a comparison is left to the column rules
    }

    @Test
    void expressionsAreRenamedOutsideLiteralsAndCasts() {
        assertThat(Expressions.rename("CHECK ((old_name <> 'old_name'::text) AND (\"Old\" > 0))",
                Map.of("old_name", "new_name", "Old", "Fresh Name")))
                .isEqualTo("CHECK ((new_name <> 'old_name'::text) AND (\"Fresh Name\" > 0))");
        assertThat(Expressions.identifiers("lower((email)::text) || coalesce(name, ''::text)")).containsExactly("email", "name");
    }

    @Test
    void keysTokensAndDigestsHaveTheirUsualLengths() {
        assertThat(TextValues.tokenLength("md5")).isEqualTo(32);
        assertThat(TextValues.tokenLength("hash_sha256")).isEqualTo(64);
        assertThat(TextValues.tokenLength("apikey")).isEqualTo(32);
        assertThat(TextValues.tokenLength("password_hash")).isEqualTo(64);
        assertThat(TextValues.tokenLength("title")).isZero();
    }

    @Test
    void aOneToOneTableIsPlannedWithItsParentsRows() {
        Column id = new Column("id", 1, new SqlType("int8", "bigint", -1, -1, -1, List.of(), null), true, false, false, null, false,
                null, List.of());
        Column userId = new Column("user_id", 2, id.type(), true, false, false, null, false, null, List.of());
        Table users = new Table(1, "public.users", List.of(id), List.of(List.of("id")), List.of(), List.of(), null, List.of(), List.of());
        Table profiles = new Table(2, "public.profiles", List.of(id, userId), List.of(List.of("id"), List.of("user_id")),
                List.of(new ForeignKey("p_u", List.of("user_id"), "public.users", List.of("id"))), List.of(), null, List.of(), List.of());

        Map<String, Long> rows = SeedPlan.rowCounts(Map.of("public.users", users, "public.profiles", profiles),
                SeedOptions.parse("small", 1, 0.1, Map.of()));

        assertThat(rows).containsEntry("public.users", 10_000L).containsEntry("public.profiles", 10_000L);
    }

    @Test
    void tablesAreNamedForThePomWithoutQuotesSoTheHintIsValidXml() {
        assertThat(Table.pomName("public.\"PROJECT\"")).isEqualTo("PROJECT");
        assertThat(Table.pomName("billing.invoices")).isEqualTo("billing.invoices");
        assertThat(SeedOptions.parse("small", 1, 0.1, Map.of("PROJECT", 0L))
                .rowCountFor("public.\"PROJECT\"")).contains(0L);
    }

    private static Table table(List<Check> checks) {
        SqlType text = new SqlType("text", "text", -1, -1, -1, List.of(), null);
        List<Column> columns = Set.of("TYPE", "DN", "PASSWORD", "died", "born").stream().sorted()
                .map(n -> new Column(n, 1, text, n.equals("TYPE"), false, false, null, false, null, List.of())).toList();
        return new Table(1, "public.\"USER\"", columns, List.of(), List.of(), checks, null, List.of(), List.of());
    }
}
