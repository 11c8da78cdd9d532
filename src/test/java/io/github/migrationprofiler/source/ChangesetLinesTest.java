package io.github.migrationprofiler.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesetLinesTest {

    @Test
    void findsXmlDeclarationsEvenWithAttributesOnLaterLines() {
        String xml = """
                <databaseChangeLog>
                  <changeSet id="1" author="a"/>
                  <changeSet author="a"
                             id="2">
                  </changeSet>
                </databaseChangeLog>""";
        assertThat(ChangesetLines.find(xml, "x.xml", "1", "a")).isEqualTo(2);
        assertThat(ChangesetLines.find(xml, "x.xml", "2", "a")).isEqualTo(3);
    }

    @Test
    void findsYamlJsonAndFormattedSql() {
        String yaml = "databaseChangeLog:\n  - changeSet:\n      id: add-index\n      author: a\n";
        String json = "{\"databaseChangeLog\": [\n {\"changeSet\": {\n  \"id\": \"j1\", \"author\": \"a\"}}]}";
        String sql = "--liquibase formatted sql\n\n--changeset alice:s1\nSELECT 1;\n-- changeset alice:s2 runInTransaction:false\nSELECT 2;";

        assertThat(ChangesetLines.find(yaml, "c.yaml", "add-index", "a")).isEqualTo(3);
        assertThat(ChangesetLines.find(json, "c.json", "j1", "a")).isEqualTo(3);
        assertThat(ChangesetLines.find(sql, "c.sql", "s1", "alice")).isEqualTo(3);
        assertThat(ChangesetLines.find(sql, "c.sql", "s2", "alice")).isEqualTo(5);
    }

    @Test
    void unknownIdsAndFormatsFallBackToLineOne() {
        assertThat(ChangesetLines.find("<changeSet id=\"x\"/>", "c.xml", "y", "a")).isEqualTo(1);
        assertThat(ChangesetLines.find("whatever", "c.txt", "x", "a")).isEqualTo(1);
    }
}
