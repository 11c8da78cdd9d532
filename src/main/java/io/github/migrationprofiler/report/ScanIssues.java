package io.github.migrationprofiler.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Verdict;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What code-scanning tools show on a pull request's diff, from a run: one issue per finding, per
 * failed migration, per line a migration crossed and per migration that behaved differently on
 * another PostgreSQL major, each at its file and line, relative to the
 * repository's root (the nearest directory above the project holding {@code .git}), as GitHub and
 * GitLab resolve paths.
 */
final class ScanIssues {

    /** The id of a migration that failed: not a rule, but the most serious thing a scan can show. */
    static final String FAILED = "migration-failed";
    /** The id of a runtime or traffic line a migration crossed ({@code critical}, {@code warnSmall}, …). */
    static final String THRESHOLD = "threshold";
    /** The id of what the rollback pass found wrong with a migration's undo. */
    static final String ROLLBACK = "rollback";
    /** The id of a migration that behaved differently on another PostgreSQL major ({@code postgresVersions}). */
    static final String VERSIONS = "version-difference";

    /**
     * @param rule        a rule's id, {@link #FAILED}, {@link #THRESHOLD} or {@link #VERSIONS}
     * @param severity    how much it matters
     * @param message     what happened, with the migration it is about
     * @param remedy      the safer way, or {@code null}
     * @param path        repository-relative, with forward slashes
     * @param line        1-based
     * @param fingerprint the same for the same issue in every run: the rule, the file and the migration, never the figures
     */
    record Issue(String rule, Severity severity, String message, String remedy, String path, int line, String fingerprint) {
    }

    /** The mapper both code-scanning files are built and written with. */
    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScanIssues() {
    }

    /** Writes a code-scanning file into {@code directory}. */
    static Path write(Path directory, String fileName, JsonNode report) {
        Path file = directory.resolve(fileName);
        try {
            Files.createDirectories(directory);
            MAPPER.writeValue(file.toFile(), report);
            return file;
        } catch (IOException e) {
            throw new ProfilerException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Issue> of(RunResult run, Path baseDir) {
        Path root = repositoryRoot(baseDir);
        List<Issue> issues = new ArrayList<>();
        for (MigrationResult migration : run.migrations()) {
            String path = path(root, baseDir, migration.source());
            int line = Math.max(1, migration.line());
            String where = migration.id() + ": ";
            if (migration.failed() && migration.error() != null) {
                int at = migration.error().line() > 0 ? migration.error().line() : line;
                issues.add(issue(FAILED, Severity.ERROR, where + "failed on the seeded copy"
                        + (migration.error().sqlState() == null ? "" : " (SQLSTATE " + migration.error().sqlState() + ")") + ": "
                        + migration.error().message(), null, path, at, migration));
            }
            for (Finding finding : migration.findings()) {
                issues.add(issue(finding.rule().id(), finding.severity(), where + finding.message(), finding.recommendation(), path, line,
                        migration));
            }
            if (migration.verdict() == Verdict.WARNING || migration.verdict() == Verdict.CRITICAL) {
                migration.reasons().stream().filter(r -> !r.startsWith("finding") && !r.equals("SQL error")).forEach(reason -> {
                    boolean rollback = reason.startsWith(Rollback.REASON);
                    issues.add(issue(rollback ? ROLLBACK : THRESHOLD, migration.verdict() == Verdict.CRITICAL && !rollback
                            ? Severity.ERROR : Severity.WARNING, where + reason, null, path, line, migration));
                });
            }
            List<String> differs = run.versions() == null ? List.of() : run.versions().of(migration);
            if (!differs.isEmpty()) {
                issues.add(issue(VERSIONS, Severity.WARNING, where + "on PostgreSQL " + run.versions().majors() + ": "
                        + String.join("; ", differs), null, path, line, migration));
            }
        }
        return issues;
    }

    private static Issue issue(String rule, Severity severity, String message, String remedy, String path, int line,
                               MigrationResult migration) {
        // one migration may cross two lines or have two rollback reasons: the words before the first figure tell them apart
        String what = message.substring(migration.id().length()).split("\\d", 2)[0];
        return new Issue(rule, severity, message, remedy, path, line, fingerprint(rule, path, migration.id(),
                rule.equals(THRESHOLD) || rule.equals(ROLLBACK) ? what : ""));
    }

    /** The migration's file, relative to the repository; a migration without one (a Java migration) points at the pom. */
    private static String path(Path root, Path baseDir, String source) {
        Path file = source == null ? null : baseDir.toAbsolutePath().resolve(source).normalize();
        if (file == null || !Files.isRegularFile(file)) {
            file = baseDir.toAbsolutePath().resolve("pom.xml").normalize();
        }
        Path relative = file.startsWith(root) ? root.relativize(file) : file;
        return relative.toString().replace('\\', '/');
    }

    /** The nearest directory at or above {@code baseDir} that holds {@code .git}; {@code baseDir} outside a repository. */
    static Path repositoryRoot(Path baseDir) {
        Path absolute = baseDir.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return absolute;
    }

    private static String fingerprint(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
