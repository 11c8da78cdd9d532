package io.github.migrationprofiler.report;

import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.result.VersionMatrix;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as a Surefire test report, so CI servers (Jenkins' JUnit plugin, GitLab test reports)
 * show each migration as a test: one {@code testsuite}, one {@code testcase} per migration under
 * review; critical → {@code <failure>}, SQL error → {@code <error>}, findings in
 * {@code <system-out>}. Only what Surefire's schema allows, times as plain decimals.
 */
public final class SurefireXml {

    public static final String FILE_NAME = "TEST-migration-profiler.xml";

    private SurefireXml() {
    }

    public static Path write(RunResult run, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                write(run, xml);
                xml.close();
            }
            return file;
        } catch (IOException | XMLStreamException e) {
            throw new ProfilerException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(RunResult run, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "migration-profiler");
        xml.writeAttribute("time", seconds(run.totals().millis()));
        xml.writeAttribute("tests", Integer.toString(run.migrations().size() + (run.error() == null ? 0 : 1)));
        xml.writeAttribute("errors", Long.toString(run.withVerdict(Verdict.FAILED).size() + (run.error() == null ? 0 : 1)));
        xml.writeAttribute("skipped", Integer.toString(run.totals().skipped()));
        xml.writeAttribute("failures", Long.toString(run.withVerdict(Verdict.CRITICAL).size()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties(run).entrySet()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", property.getKey());
            xml.writeAttribute("value", property.getValue());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        if (run.error() != null) {
            xml.writeCharacters("\n  ");
            stopped(run, xml);
        }
        for (MigrationResult migration : run.migrations()) {
            xml.writeCharacters("\n  ");
            testcase(migration, run.versions(), xml);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static Map<String, String> properties(RunResult run) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (run.engine() != null) {
            properties.put("engine", run.engine().kind());
            if (run.engine().serverVersion() != null) {
                properties.put("serverVersion", run.engine().serverVersion());
            }
            if (run.engine().image() != null) {
                properties.put("image", run.engine().image());
            }
        }
        properties.put("scale", run.seed() == null ? "0" : run.seed().scale());
        if (run.seed() != null) {
            properties.put("seed", Long.toString(run.seed().random()));
        }
        properties.put("verdict", run.verdict().name());
        if (run.gate() != null) {
            run.gate().thresholds().forEach(properties::put);
        }
        return properties;
    }

    /** A run that ended before it could profile: one test in error, named after the stage it stopped in. */
    private static void stopped(RunResult run, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", run.error().stage());
        xml.writeAttribute("classname", run.source() == null ? "migration-profiler" : run.source());
        xml.writeAttribute("time", seconds(0));
        xml.writeStartElement("error");
        xml.writeAttribute("message", run.error().message());
        xml.writeAttribute("type", run.error().inConfiguration() ? "configuration error" : "stopped during " + run.error().stage());
        xml.writeCharacters(run.error().message());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void testcase(MigrationResult migration, VersionMatrix versions, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", migration.id());
        xml.writeAttribute("classname", migration.source());
        xml.writeAttribute("time", seconds(migration.millis()));
        String reasons = String.join("; ", migration.reasons());
        if (migration.status() == Status.SKIPPED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", migration.skipped());
        } else if (migration.status() == Status.INTERRUPTED) {
            xml.writeStartElement("error");
            xml.writeAttribute("message", "interrupted");
            xml.writeAttribute("type", "INTERRUPTED");
            xml.writeCharacters(migration.failureSummary());
            xml.writeEndElement();
        } else if (migration.verdict() == Verdict.CRITICAL) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", reasons);
            xml.writeAttribute("type", "CRITICAL");
            xml.writeCharacters(migration.failed() ? migration.failureSummary() : reasons);
            xml.writeEndElement();
        } else if (migration.verdict() == Verdict.FAILED) {
            xml.writeStartElement("error");
            xml.writeAttribute("message", migration.error() == null ? "SQL error" : migration.error().message());
            xml.writeAttribute("type", migration.error() == null || migration.error().sqlState() == null ? "SQL error"
                    : "SQLSTATE " + migration.error().sqlState());
            xml.writeCharacters(migration.failureSummary());
            xml.writeEndElement();
        }
        String out = systemOut(migration, versions);
        if (!out.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(out);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String systemOut(MigrationResult migration, VersionMatrix versions) {
        StringBuilder out = new StringBuilder();
        if (versions != null) {
            versions.of(migration).forEach(what -> out.append("on PostgreSQL ").append(versions.majors()).append(": ")
                    .append(what).append('\n'));
        }
        if (migration.verdict() == Verdict.WARNING) {
            out.append("WARNING: ").append(String.join("; ", migration.reasons())).append('\n');
        }
        if (migration.kind() != null) {
            out.append("kind: ").append(migration.kind()).append(", rows: ").append(migration.rowsAffected());
            Format.strongestLock(migration).ifPresent(lock -> out.append(", strongest lock: ").append(Format.lock(lock)));
            out.append('\n');
        }
        for (Finding finding : migration.findings()) {
            out.append('[').append(finding.severity().json()).append("] ").append(finding.rule()).append(": ")
                    .append(finding.message()).append("\n  -> ").append(finding.recommendation()).append('\n');
        }
        migration.warnings().forEach(w -> out.append("note: ").append(w).append('\n'));
        return out.toString();
    }

    /** Seconds with at most three fraction digits, never an exponent: what the schema's time pattern allows. */
    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
