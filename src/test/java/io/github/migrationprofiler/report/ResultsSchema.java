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

    private static final Path SCHEMA = Path.of("docs/results.schema.json");

    private ResultsSchema() {
    }

    /** Fails, naming each place, where {@code resultsJson} departs from the schema. */
    public static void assertValid(Path resultsJson) {
        assertThat(problems(resultsJson, SCHEMA)).as(resultsJson + " against " + SCHEMA).isEmpty();
    }

    /**
     * Each place where {@code resultsJson} departs from {@code schema}; empty when it follows it.
     * The invoker projects' verify scripts call this with the schema's absolute path.
     */
    public static List<String> problems(Path resultsJson, Path schema) {
        try {
            return problems(new ObjectMapper().readTree(resultsJson.toFile()), Files.readString(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each place where {@code document} departs from the schema {@code schema} (its own {@code $schema} dialect, else 2020-12). */
    public static List<String> problems(JsonNode document, String schema) {
        Schema loaded = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema, InputFormat.JSON);
        return loaded.validate(document).stream().map(Error::toString).toList();
    }
}
