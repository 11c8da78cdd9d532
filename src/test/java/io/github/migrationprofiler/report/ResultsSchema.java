package io.github.migrationprofiler.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/results.schema.json, the published format of results.json, as the tests check every written file against it. */
public final class ResultsSchema {

    private static final Schema SCHEMA = load();

    private ResultsSchema() {
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(Path.of("docs/results.schema.json")), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails, naming each place, where {@code resultsJson} departs from the schema. */
    public static void assertValid(Path resultsJson) {
        try {
            JsonNode document = new ObjectMapper().readTree(resultsJson.toFile());
            List<Error> errors = SCHEMA.validate(document);
            assertThat(errors).as(resultsJson + " against docs/results.schema.json").extracting(Error::toString).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
