package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;


import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Plain SQL migrations in a directory (recursively), applied in Flyway's version order, one
 * transaction per file. Statements PostgreSQL refuses inside a transaction block
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …) commit what came before them and run
 * on their own in autocommit, as Flyway and psql users expect.
 */
public final class SqlDirectorySource implements MigrationSource {

    /** How a file that undoes a migration is named: the migration's name with one of these for {@code .sql}. */
    private static final List<String> UNDO_SUFFIXES = List.of(".down.sql", ".undo.sql");
    /** A line {@code -- rollback} alone: what follows it in a file is the file's undo, not part of the migration. */
    private static final Pattern ROLLBACK_SECTION = Pattern.compile("(?im)^[ \\t]*--[ \\t]*rollback[ \\t]*$");

    private final Path directory;
    private final Path baseDir;
    private final Charset encoding;
    private final Map<Migration, Path> files = new LinkedHashMap<>();
    private final Map<Migration, String> contents = new HashMap<>();
    private final Map<Migration, String> rollbackSections = new HashMap<>();
    private final Map<Migration, SourceText> texts = new HashMap<>();

    /** @param encoding how the files are written ({@code project.build.sourceEncoding}) */
    public SqlDirectorySource(Path directory, Path baseDir, Charset encoding) {
        this.directory = directory;
        this.encoding = encoding;
        this.baseDir = baseDir;
        if (!Files.isDirectory(directory)) {
            throw new ProfilerException("SQL migration directory not found: " + directory
                    + ". Set migration-profiler.sqlDirectory, or migration-profiler.changelog for Liquibase.");
        }
        Map<List<BigInteger>, Path> versions = new HashMap<>();
        for (Path file : sqlFiles()) {
            Optional<List<BigInteger>> version = SqlFileOrder.version(file);
            Path clash = version.map(v -> versions.putIfAbsent(v, file)).orElse(null);
            if (clash != null) {
                throw new ProfilerException("Two SQL migrations share one version: " + display(clash)
                        + " and " + display(file) + ". Give one of them a new version.");
            }
            files.put(new Migration(file.getFileName().toString(), null, display(file), 1), file);
        }
    }

    private List<Path> sqlFiles() {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".sql") && undoneBy(p) == null)
                    .sorted(SqlFileOrder.ORDER)
                    .toList();
        } catch (IOException e) {
            throw new ProfilerException("Cannot read SQL migrations in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The migration a file undoes, by its name ({@code 002_add.down.sql}, {@code 002_add.undo.sql}): {@code null} for a migration. */
    private static Path undoneBy(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        for (String suffix : UNDO_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return file.resolveSibling(file.getFileName().toString().substring(0, name.length() - suffix.length()) + ".sql");
            }
        }
        return null;
    }

    /**
     * Its {@code .down.sql} or {@code .undo.sql} beside it, else the file's own {@code -- rollback}
     * section, run as the migrations are run.
     */
    @Override
    public Undo undo(Migration migration) {
        Path file = files.get(migration);
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.sql$", "");
        for (String suffix : UNDO_SUFFIXES) {
            Path undo = file.resolveSibling(stem + suffix);
            if (Files.isRegularFile(undo)) {
                return SqlScript.undo(display(undo), () -> SourceFiles.read(undo, encoding, display(undo)));
            }
        }
        content(migration);
        String section = rollbackSections.get(migration);
        if (section != null) {
            return SqlScript.undo(migration.source() + " (its -- rollback section)", () -> section);
        }
        return Undo.none("no " + stem + ".down.sql or " + stem + ".undo.sql beside " + migration.source() + ", nor a -- rollback "
                + "section in it");
    }

    private String display(Path file) {
        Path shown = file.startsWith(baseDir) ? baseDir.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }

    @Override
    public String describe() {
        return "SQL directory " + display(directory) + " (" + files.size() + " files)";
    }

    @Override
    public List<Migration> migrations() {
        return List.copyOf(files.keySet());
    }

    @Override
    public void apply(Connection connection, MigrationListener listener, Set<Migration> alreadyApplied) {
        for (Map.Entry<Migration, Path> entry : files.entrySet()) {
            Migration migration = entry.getKey();
            if (alreadyApplied.contains(migration)) {
                continue;
            }
            String text = content(migration);
            texts.put(migration, new SourceText(text));
            listener.starting(migration);
            try {
                SqlScript.run(connection, SqlSplitter.split(text));
            } catch (SQLException e) {
                listener.failed(migration, e);
                return;
            }
            listener.finished(migration);
        }
    }

    @Override
    public String text(Migration migration) {
        return files.containsKey(migration) ? content(migration) : "";
    }

    /**
     * The migration as it is applied: its file up to a {@code -- rollback} line, whose section is
     * kept apart as its undo. Each file is read once, however often it is applied, fingerprinted or
     * searched for suppressions.
     */
    private String content(Migration migration) {
        return contents.computeIfAbsent(migration, m -> {
            String whole = SourceFiles.read(files.get(m), encoding, m.source());
            Matcher rollback = ROLLBACK_SECTION.matcher(whole);
            if (!rollback.find()) {
                return whole;
            }
            rollbackSections.put(m, whole.substring(rollback.end()));
            return whole.substring(0, rollback.start());
        });
    }

    @Override
    public int locate(Migration migration, String sql, int fromLine) {
        SourceText text = texts.get(migration);
        return text == null ? fromLine : text.find(sql, fromLine);
    }
}
