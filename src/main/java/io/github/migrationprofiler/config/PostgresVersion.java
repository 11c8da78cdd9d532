package io.github.migrationprofiler.config;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL major a run profiles on, and why that one: lock modes, rewrites, planner choices
 * and runtimes differ between majors, so the run should match production's.
 *
 * @param major  e.g. {@code 15}
 * @param reason why this major, in words: "postgresVersion=15", "production's (statistics file: 15.4)", "the default"
 */
public record PostgresVersion(int major, String reason) {

    /** The newest major every engine has: embedded binaries, the official image and the driver. */
    public static final int DEFAULT = 17;

    /** zonky's binaries of each major (linux, macOS, Windows, Alpine, arm64), the newest packaged of each. */
    private static final Map<Integer, String> EMBEDDED_BINARIES = Map.of(13, "13.22.0", 14, "14.19.0", 15, "15.14.0",
            16, "16.10.0", 17, "17.6.0", 18, "18.0.0");

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)(?:\\.\\d+)?");

    /** The major the run was asked for, else production's, else the default. */
    public static PostgresVersion choose(Integer asked, String productionServerVersion) {
        if (asked != null) {
            return new PostgresVersion(asked, "postgresVersion=" + asked);
        }
        Integer production = majorOf(productionServerVersion);
        if (production != null && EMBEDDED_BINARIES.containsKey(production)) {
            return new PostgresVersion(production, "production's (statistics file: PostgreSQL " + productionServerVersion + ")");
        }
        return new PostgresVersion(DEFAULT, production == null ? "the default (no postgresVersion, no statistics file)"
                : "the default (production's PostgreSQL " + productionServerVersion + " is not one of " + supported() + ")");
    }

    /** {@code value}, when it is a major the engines have; an error naming them otherwise. */
    public static Integer check(Integer value) {
        if (value != null && !EMBEDDED_BINARIES.containsKey(value)) {
            throw new ProfilerException("migration-profiler.postgresVersion must be a PostgreSQL major of " + supported()
                    + ", not " + value);
        }
        return value;
    }

    /**
     * The majors of {@code postgresVersions} ({@code "14,17"}), each one the engines have, at least
     * two; empty when unset. With {@code postgresVersion} set too, which one counts would be a guess: an error.
     */
    public static List<Integer> matrix(String postgresVersions, Integer postgresVersion) {
        if (postgresVersions == null || postgresVersions.isBlank()) {
            return List.of();
        }
        List<Integer> majors = new ArrayList<>();
        for (String major : postgresVersions.split(",")) {
            try {
                Integer value = check(Integer.valueOf(major.strip()));
                if (!majors.contains(value)) {
                    majors.add(value);
                }
            } catch (NumberFormatException e) {
                throw new ProfilerException("migration-profiler.postgresVersions lists majors separated by commas (e.g. 14,17), not '"
                        + postgresVersions + "'");
            }
        }
        if (majors.size() < 2) {
            throw new ProfilerException("migration-profiler.postgresVersions needs two majors or more to compare (e.g. 14,17); "
                    + "for one, set migration-profiler.postgresVersion");
        }
        if (postgresVersion != null) {
            throw new ProfilerException("Set migration-profiler.postgresVersion or postgresVersions, not both: postgresVersions "
                    + "profiles on each of its majors in turn");
        }
        return List.copyOf(majors);
    }

    /** The major of a {@code server_version} such as {@code 15.4}, {@code 16beta2} or {@code 15.4 (Debian 15.4-1)}; {@code null} if none. */
    public static Integer majorOf(String serverVersion) {
        if (serverVersion == null) {
            return null;
        }
        Matcher matcher = MAJOR.matcher(serverVersion.strip());
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** The version of zonky's binaries jar for {@code major}. */
    public static String embeddedBinaries(int major) {
        return EMBEDDED_BINARIES.get(check(major));
    }

    /** The official image's tag for this major, for the Docker engine when no image is set. */
    public String officialImage() {
        return "postgres:" + major;
    }

    private static String supported() {
        return EMBEDDED_BINARIES.keySet().stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    }

    @Override
    public String toString() {
        return "PostgreSQL " + major + " (" + reason + ")";
    }
}
