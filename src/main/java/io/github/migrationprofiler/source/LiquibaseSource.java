package io.github.migrationprofiler.source;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.ProfilerLog;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Liquibase changelog (XML, YAML, JSON or formatted SQL), applied by Liquibase itself so that
 * preconditions, contexts, labels, changelog parameters, {@code runInTransaction},
 * {@code splitStatements} and DATABASECHANGELOG behave as in production. Each changeset is one
 * migration; Liquibase's execution listener marks where each starts and ends.
 */
public final class LiquibaseSource implements MigrationSource {

    private final ProfilerLog log;
    private final ResourceAccessor resources;
    private final String changelogPath;
    private final String contexts;
    private final String labels;
    private final Map<String, String> parameters;
    private final Map<String, Migration> migrations = new LinkedHashMap<>();
    private final Map<String, SourceText> texts = new HashMap<>();

    /**
     * @param changelog  the changelog file
     * @param searchPath directories that changelog paths resolve against, most specific first;
     *                   the changelog's path is taken relative to the first one holding it, so
     *                   DATABASECHANGELOG records the same file names as the application does
     */
    public LiquibaseSource(Path changelog, List<Path> searchPath, String contexts, String labels,
                           Map<String, String> parameters, ProfilerLog log) {
        this.log = log;
        this.contexts = contexts;
        this.labels = labels;
        this.parameters = Map.copyOf(parameters);
        Path file = changelog.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ProfilerException("Liquibase changelog not found: " + changelog
                    + ". Check migration-profiler.changelog (paths are relative to the project directory).");
        }
        List<Path> roots = new ArrayList<>();
        searchPath.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).forEach(roots::add);
        Path root = roots.stream().filter(file::startsWith).findFirst().orElse(null);
        if (root == null) {
            root = file.getParent();
            roots.add(0, root);
        }
        this.changelogPath = root.relativize(file).toString().replace('\\', '/');
        this.resources = accessor(roots);
        for (ChangeSet changeSet : parse().getChangeSets()) {
            migrations.put(key(changeSet), new Migration(changeSet.getId(), changeSet.getAuthor(),
                    changeSet.getFilePath(), declarationLine(changeSet)));
        }
    }

    private static ResourceAccessor accessor(List<Path> roots) {
        List<ResourceAccessor> accessors = new ArrayList<>();
        for (Path root : roots) {
            try {
                accessors.add(new DirectoryResourceAccessor(root));
            } catch (FileNotFoundException e) {
                throw new ProfilerException("Liquibase search path entry not found: " + root, e);
            }
        }
        return new CompositeResourceAccessor(accessors);
    }

    private DatabaseChangeLog parse() {
        try {
            return inScope(() -> ChangeLogParserFactory.getInstance().getParser(changelogPath, resources)
                    .parse(changelogPath, parameters(null), resources));
        } catch (Exception e) {
            throw new ProfilerException("Liquibase changelog " + changelogPath + " cannot be read: " + ProfilerException.rootMessage(e), e);
        }
    }

    private ChangeLogParameters parameters(Database database) {
        ChangeLogParameters result = database == null ? new ChangeLogParameters() : new ChangeLogParameters(database);
        parameters.forEach(result::set);
        return result;
    }

    @Override
    public String describe() {
        return "Liquibase changelog " + changelogPath + " (" + migrations.size() + " changesets)";
    }

    @Override
    public List<Migration> migrations() {
        return List.copyOf(migrations.values());
    }

    /** Changesets already applied need no skipping here: Liquibase finds them in DATABASECHANGELOG. */
    @Override
    public void apply(Connection connection, MigrationListener listener, java.util.Set<Migration> alreadyApplied) {
        Bridge bridge = new Bridge(listener);
        try {
            inScope(() -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                return new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelogPath)
                        .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                        .addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labels)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters(database))
                        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, bridge)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
            });
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StopApplying stop) {
                    throw stop;
                }
            }
            if (!bridge.failureReported) {
                throw new ProfilerException("Liquibase could not apply " + changelogPath + ": " + ProfilerException.rootMessage(e), e);
            }
        }
    }

    @Override
    public int locate(Migration migration, String sql, int fromLine) {
        return texts.computeIfAbsent(migration.source(), path -> new SourceText(read(path))).find(sql, fromLine);
    }

    /** The changeset's lines: from its declaration up to the next changeset declared in the same file. */
    @Override
    public String text(Migration migration) {
        SourceText text = texts.computeIfAbsent(migration.source(), path -> new SourceText(read(path)));
        int next = migrations.values().stream().filter(m -> m.source().equals(migration.source()) && m.line() > migration.line())
                .mapToInt(Migration::line).min().orElse(text.lineCount() + 1);
        return text.lines(migration.line(), next);
    }

    private int declarationLine(ChangeSet changeSet) {
        String path = changeSet.getFilePath();
        String text = read(path);
        texts.putIfAbsent(path, new SourceText(text));
        return ChangesetLines.find(text, path, changeSet.getId(), changeSet.getAuthor());
    }

    private String read(String path) {
        try {
            Resource resource = resources.get(path);
            if (!resource.exists()) {
                return "";
            }
            try (InputStream in = resource.openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return ""; // only line numbers suffer; Liquibase itself reports unreadable files
        }
    }

    private <T> T inScope(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), resources);
        scope.put(Scope.Attr.logService.name(), new LiquibaseLog(log));
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // a profiling run must not phone home (and CI has no network to do so)
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        return Scope.child(scope, work);
    }

    private static String key(ChangeSet changeSet) {
        return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }


    /** Translates Liquibase's execution events into migration boundaries. */
    private final class Bridge extends AbstractChangeExecListener {
        private final MigrationListener listener;
        private boolean failureReported;

        Bridge(MigrationListener listener) {
            this.listener = listener;
        }

        @Override
        public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.RunStatus runStatus) {
            listener.starting(migrationOf(changeSet));
            listener.measuring(false); // preconditions and DATABASECHANGELOG come before and after the changes
        }

        @Override
        public void willRun(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
            listener.measuring(true);
        }

        @Override
        public void ran(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
            listener.measuring(false);
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
            listener.finished(migrationOf(changeSet));
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
            failureReported = true;
            listener.failed(migrationOf(changeSet), exception);
        }

        private Migration migrationOf(ChangeSet changeSet) {
            return migrations.computeIfAbsent(key(changeSet), k -> new Migration(changeSet.getId(),
                    changeSet.getAuthor(), changeSet.getFilePath(), declarationLine(changeSet)));
        }
    }
}
