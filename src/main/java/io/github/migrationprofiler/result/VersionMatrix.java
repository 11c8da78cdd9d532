package io.github.migrationprofiler.result;

import java.util.List;
import java.util.Objects;

/**
 * The same migrations profiled on several PostgreSQL majors ({@code postgresVersions}), and what
 * differed between them: lock modes, rewrites, findings, failures and runtimes beyond noise.
 *
 * @param profiled    each major's run, the first being the one these results are of
 * @param differences per migration that behaved differently, what differed, in words; empty when nothing did
 */
public record VersionMatrix(List<Profiled> profiled, List<Difference> differences) {

    public VersionMatrix {
        profiled = List.copyOf(profiled);
        differences = List.copyOf(differences);
    }

    /**
     * @param major         e.g. {@code 14}
     * @param serverVersion the server's {@code server_version}, e.g. {@code 14.19}
     * @param verdict       that run's verdict
     * @param results       that run's results.json, relative to this one's directory
     */
    public record Profiled(int major, String serverVersion, Verdict verdict, String results) {
    }

    /**
     * @param migration the migration's id, as in {@code migrations[].id}
     * @param source    its file, as in {@code migrations[].source}
     * @param what      each difference, in words: "fails on 14 (SQLSTATE 42601: …), passes on 15"
     */
    public record Difference(String migration, String source, List<String> what) {

        public Difference {
            what = List.copyOf(what);
        }

        public boolean of(MigrationResult result) {
            return migration.equals(result.id()) && Objects.equals(source, result.source());
        }
    }

    /** What {@code migration} did differently on the other majors; empty when nothing. */
    public List<String> of(MigrationResult migration) {
        return differences.stream().filter(d -> d.of(migration)).flatMap(d -> d.what().stream()).toList();
    }

    /** "14 and 15", "13, 15 and 17": the majors compared, as sentences name them. */
    public String majors() {
        List<String> names = profiled.stream().map(p -> String.valueOf(p.major())).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
