package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.config.SeedOptions;

import java.util.ArrayList;
import java.util.List;

/** The seeding options that can be checked without a database, checked before any server starts. */
public final class SeedCheck {

    private SeedCheck() {
    }

    /** Value patterns the generator can produce, sample documents that are JSON; otherwise fails saying which. */
    public static void check(SeedOptions options) {
        List<String> problems = new ArrayList<>();
        options.valuePatterns().forEach((column, pattern) -> {
            if (RegexSample.of(pattern).isEmpty()) {
                problems.add("valuePatterns " + column + ": '" + pattern + "' uses what the generator does not support "
                        + "(back references, lookaround); use classes, groups, alternation and quantifiers");
            }
        });
        JsonShapes json = new JsonShapes();
        options.jsonSamples().forEach((column, sample) -> {
            try {
                json.sample(column, sample);
            } catch (SeedException e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new SeedException(String.join("\n", problems));
        }
    }
}
