package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The goals' parameters as people write them in a pom or on the command line, read into values:
 * row counts, lists of fractions. A value that cannot be read fails with the parameter's name
 * and what it takes.
 */
public final class Parameters {

    private Parameters() {
    }

    /** A character set by name; none given is UTF-8, as Flyway and Liquibase read files by default. */
    public static Charset charset(String parameter, String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ProfilerException(parameter + " '" + name + "' is not a character set this Java knows (e.g. UTF-8, ISO-8859-1)");
        }
    }

    /**
     * A map element as Maven fills it: an element written empty ({@code <prefix></prefix>}) arrives
     * as {@code null}, and means the empty string, as the tools it is passed on to read it.
     */
    public static Map<String, String> emptyAsBlank(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((key, value) -> values.put(key, value == null ? "" : value));
        return Collections.unmodifiableMap(values);
    }

    /**
     * Table names to numbers of rows ({@code 40_000_000} reads as 40000000); quotes around a name
     * are left out, as XML cannot spell them.
     *
     * @param parameter the parameter's name, for the message
     */
    public static Map<String, Long> counts(String parameter, Map<String, String> given) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            try {
                counts.put(entry.getKey().replace("\"", ""), Long.parseLong(entry.getValue().strip().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new ProfilerException(parameter + ": the row count of " + entry.getKey() + " must be a number of rows, got '"
                        + entry.getValue() + "'");
            }
        }
        return counts;
    }

    /** {@code <rowCounts>} and {@code seed.rowCounts} ({@code table=rows} pairs separated by commas) together. */
    public static Map<String, Long> rowCounts(Map<String, String> elements, String list) {
        Map<String, String> given = new LinkedHashMap<>(elements);
        if (list != null && !list.isBlank()) {
            for (String pair : list.split(",")) {
                int equals = pair.lastIndexOf('=');
                if (equals <= 0) {
                    throw new ProfilerException("seed.rowCounts takes table=rows pairs separated by commas, got '" + pair.strip() + "'");
                }
                given.put(pair.substring(0, equals).strip().replace("\"", ""), pair.substring(equals + 1));
            }
        }
        return counts("rowCounts", given);
    }

    /** {@code 0.25,0.5}: the projection sizes; {@code none} or nothing: none. */
    public static List<Double> fractions(String sizes) {
        if (sizes == null || sizes.isBlank() || sizes.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Double> fractions = new ArrayList<>();
        for (String size : sizes.split(",")) {
            try {
                fractions.add(Double.parseDouble(size.strip()));
            } catch (NumberFormatException e) {
                throw new ProfilerException("migration-profiler.projectionSizes takes fractions of the seeded scale separated by "
                        + "commas, e.g. 0.25,0.5, got '" + size.strip() + "'");
            }
        }
        return fractions;
    }

    /** GitHub Actions' job summary file ({@code GITHUB_STEP_SUMMARY}), where summary.md is appended; {@code null} elsewhere. */
    public static Path stepSummary() {
        String file = System.getenv("GITHUB_STEP_SUMMARY");
        return file == null || file.isBlank() ? null : Path.of(file);
    }
}
