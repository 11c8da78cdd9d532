package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Plain SQL migrations in a directory (recursively), applied in Flyway's version order, one
 * transaction per file. Statements PostgreSQL refuses inside a transaction block
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …) commit what came before them and run
 * on their own in autocommit, as Flyway and psql users expect.
 */
public final class SqlDirectorySource implements MigrationSource {

    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
                    + "|DROP\\s+INDEX\\s+CONCURRENTLY"
                    + "|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY"
                    + "|VACUUM\\b|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b|ALTER\\s+SYSTEM\\b"
                    + "|CREATE\\s+TABLESPACE\\b|DROP\\s+TABLESPACE\\b).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Path directory;
    private final Path baseDir;
    private final Charset encoding;
    private final Map<Migration, Path> files = new LinkedHashMap<>();
    private final Map<Migration, String> contents = new HashMap<>();
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
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".sql"))
                    .sorted(SqlFileOrder.ORDER)
                    .toList();
        } catch (IOException e) {
            throw new ProfilerException("Cannot read SQL migrations in " + directory + ": " + e.getMessage(), e);
        }
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
                runInTransaction(connection, SqlSplitter.split(text));
            } catch (SQLException e) {
                listener.failed(migration, e);
                return;
            }
            listener.finished(migration);
        }
    }

    private static void runInTransaction(Connection connection, List<SqlStatement> statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (SqlStatement statement : statements) {
                boolean outside = OUTSIDE_TRANSACTION.matcher(statement.sql()).matches();
                if (outside) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                if (statement.copyData() != null) {
                    copyIn(connection, statement);
                } else {
                    try (Statement jdbc = connection.createStatement()) {
                        jdbc.execute(statement.sql());
                    }
                }
                if (outside) {
                    connection.setAutoCommit(false);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** {@code COPY … FROM STDIN} with its rows, through the driver's copy API as psql sends them. */
    private static void copyIn(Connection connection, SqlStatement statement) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(), new StringReader(statement.copyData()));
        } catch (IOException e) {
            throw new SQLException("COPY could not read its rows: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the failure itself is what gets reported
        }
    }


    @Override
    public String text(Migration migration) {
        return files.containsKey(migration) ? content(migration) : "";
    }

    /** Each file is read once, however often it is applied, fingerprinted or searched for suppressions. */
    private String content(Migration migration) {
        return contents.computeIfAbsent(migration, m -> SourceFiles.read(files.get(m), encoding, m.source()));
    }

    @Override
    public int locate(Migration migration, String sql, int fromLine) {
        SourceText text = texts.get(migration);
        return text == null ? fromLine : text.find(sql, fromLine);
    }
}
