package io.github.migrationprofiler.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@code results.json}, the full machine-readable result of a run. */
public final class ResultsJson {

    public static final String FILE_NAME = "results.json";

    private static final JsonMapper MAPPER = ResultsFormat.mapper();

    private ResultsJson() {
    }

    /** Writes {@code result} to {@code directory/results.json}; returns the file. */
    public static Path write(RunResult result, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            MAPPER.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new ProfilerException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static RunResult read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), RunResult.class);
        } catch (IOException e) {
            throw new ProfilerException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a baseline results.json, failing with what to do when it is missing or from another schema version. */
    public static RunResult readBaseline(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProfilerException("Baseline results not found: " + file + ". Point migration-profiler.baseline at a "
                    + "results.json saved from the branch to compare with (e.g. a CI artifact of target/migration-profiler/results.json).");
        }
        RunResult baseline = read(file);
        if (baseline.schemaVersion() != RunResult.SCHEMA_VERSION) {
            throw new ProfilerException("Baseline " + file + " is results.json schema version " + baseline.schemaVersion()
                    + ", this plugin writes version " + RunResult.SCHEMA_VERSION + ": its runtimes are not measured the same "
                    + "way. Profile the base branch again with this plugin version.");
        }
        if (baseline.error() != null) {
            throw new ProfilerException("Baseline " + file + " is of a run that stopped before profiling (" + baseline.error().stage()
                    + "): it holds no runtimes to compare with.");
        }
        return baseline;
    }
}
