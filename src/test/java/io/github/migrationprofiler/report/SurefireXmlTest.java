package io.github.migrationprofiler.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SurefireXmlTest {

    @TempDir
    Path dir;

    @Test
    void isValidAgainstSurefiresStrictSchema() throws Exception {
        Path file = SurefireXml.write(Runs.everyVerdict(), dir);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/surefire-test-report.xsd"))
                .newValidator().validate(new StreamSource(file.toFile()));
        assertThat(file.getFileName().toString()).matches("TEST-.*\\.xml");
    }

    @Test
    void oneTestcasePerMigrationWithCriticalAsFailureAndSqlErrorsAsError() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SurefireXml.write(Runs.everyVerdict(), dir).toFile());
        Element suite = xml.getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");

        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("1.279");
        assertThat(cases.getLength()).isEqualTo(4);
        Element critical = (Element) cases.item(2);
        assertThat(critical.getAttribute("classname")).isEqualTo("db/changes.yaml");
        assertThat(critical.getAttribute("name")).isEqualTo("003-token");
        assertThat(critical.getAttribute("time")).isEqualTo("1.235");
        Element failure = (Element) critical.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("CRITICAL");
        assertThat(failure.getAttribute("message")).isEqualTo("ran 1.2 s, over the critical line of 1 s");
        assertThat(critical.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("[error] table-rewrite: rewrote public.items | under lock", "-> add it nullable", "kind: LARGE");
        Element error = (Element) ((Element) cases.item(3)).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("SQLSTATE 42P01");
        assertThat(error.getTextContent()).isEqualTo("db/V4__bad.sql:2 (file V4__bad.sql, line 2): SQLSTATE 42P01: relation \"nope\" does not exist");
        assertThat(((Element) cases.item(1)).getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("WARNING: ran 41 ms, over the warning line");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(Files.readString(dir.resolve(SurefireXml.FILE_NAME))).contains("<property name=\"image\" value=\"postgres:17\"/>");
    }

    @Test
    void timesArePlainDecimalsWithoutExponentsWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(SurefireXml.seconds(0.0004)).isEqualTo("0.000");
            assertThat(SurefireXml.seconds(1234567.891)).isEqualTo("1234.568");
        } finally {
            Locale.setDefault(before);
        }
    }
}
