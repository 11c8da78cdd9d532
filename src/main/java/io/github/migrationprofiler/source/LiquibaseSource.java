package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ChangeSetFilterResult;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationFailedException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Liquibase changelog (XML, YAML, JSON or formatted SQL), applied by Liquibase itself so that
 * preconditions, contexts, labels, changelog parameters, {@code runInTransaction},
 * {@code splitStatements} and DATABASECHANGELOG behave as in production. Each changeset is one
 * migration; Liquibase's execution listener marks where each starts and ends.
 */
public final class LiquibaseSource implements MigrationSource {

    private final Charset encoding;
    private final ProfilerLog log;
    private final ResourceAccessor resources;
    private final String changelogPath;
    private final String contexts;
    private final String labels;
    private final Map<String, String> parameters;
    private final SkippedCustomChanges skippedCustomChanges;
    private final Path baseDir;
    private final Map<String, Migration> migrations = new LinkedHashMap<>();
    private final Map<String, ChangeSet> parsed = new LinkedHashMap<>();
    private final Map<String, String> resourcePaths = new HashMap<>(); // a migration's source → the path Liquibase reads it by
    private final Map<String, SourceText> texts = new HashMap<>();
    private final Map<String, ChangesetLines> declarations = new HashMap<>();

    /**
     * @param changelog  the changelog file
     * @param searchPath directories that changelog paths resolve against, most specific first;
     *                   the changelog's path is taken relative to the first one holding it, so
     *                   DATABASECHANGELOG records the same file names as the application does
     * @param baseDir    the project directory: changeset locations are given relative to it
     * @param encoding   how the changelogs and SQL files are written: Liquibase's fileEncoding
     */
    public LiquibaseSource(Path changelog, List<Path> searchPath, String contexts, String labels,
                           Map<String, String> parameters, List<String> skipCustomChanges, Path baseDir, Charset encoding,
                           ProfilerLog log) {
        this.log = log;
        this.encoding = encoding;
        this.skippedCustomChanges = new SkippedCustomChanges(skipCustomChanges);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.contexts = contexts;
        this.labels = labels;
        this.parameters = Map.copyOf(parameters);
        Path file = changelog.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) { // an empty -Dmigration-profiler.changelog= names the project directory
            throw new ProfilerException("migration-profiler.changelog names a directory, not a changelog file: " + changelog
                    + ". Set it to the master changelog, or leave it unset to profile the SQL files in sqlDirectory.");
        }
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
            parsed.put(key(changeSet), changeSet);
            migrations.put(key(changeSet), migration(changeSet));
        }
    }

    /**
     * The changeset as a migration, located in the file that holds it (not its {@code logicalFilePath}),
     * relative to the project directory when the file is in it.
     */
    private Migration migration(ChangeSet changeSet) {
        String physical = changeSet.getChangeLog() != null && changeSet.getChangeLog().getPhysicalFilePath() != null
                ? changeSet.getChangeLog().getPhysicalFilePath() : changeSet.getFilePath();
        String shown = display(physical);
        resourcePaths.putIfAbsent(shown, physical);
        ChangesetLines lines = declarations.computeIfAbsent(shown, path -> ChangesetLines.index(read(physical), physical));
        return new Migration(changeSet.getId(), changeSet.getAuthor(), shown, lines.line(changeSet.getId(), changeSet.getAuthor()));
    }

    private String display(String resourcePath) {
        try {
            URI uri = resources.get(resourcePath).getUri();
            if ("file".equals(uri.getScheme())) {
                Path file = Path.of(uri).toAbsolutePath().normalize();
                if (file.startsWith(baseDir)) {
                    return baseDir.relativize(file).toString().replace('\\', '/');
                }
            }
        } catch (IOException | RuntimeException notAFile) {
            // a classpath resource: shown as Liquibase names it
        }
        return resourcePath;
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
        try (YamlWarnings yaml = new YamlWarnings()) {
            DatabaseChangeLog changelog = inScope(() -> ChangeLogParserFactory.getInstance().getParser(changelogPath, resources)
                    .parse(changelogPath, parameters(null), resources));
            yaml.report(changelogPath, log);
            return changelog;
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
    public void apply(Connection connection, MigrationListener listener, Set<Migration> alreadyApplied) {
        List<String> passes = passes(contexts);
        Bridge bridge = new Bridge(listener, passes);
        try (YamlWarnings readAgain = new YamlWarnings()) { // Liquibase reads the changelog again: said once, when first read
            inScope(() -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                bridge.filters(database);
                for (String pass : passes) { // an application that runs Liquibase several times, each with its contexts
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelogPath)
                            .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, pass)
                            .addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labels)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters(database))
                            .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, bridge)
                            .setOutput(OutputStream.nullOutputStream())
                            .execute();
                }
                return null;
            });
            bridge.skippedUpTo(null);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StopApplying stop) {
                    throw stop;
                }
            }
            if (!bridge.failureReported) {
                throw new ProfilerException("Liquibase could not apply " + changelogPath + ": " + explain(e), e);
            }
        }
    }

    /** {@code a,b;c}: Liquibase runs twice, with contexts {@code a,b} then {@code c}; no contexts: once, with none. */
    static List<String> passes(String contexts) {
        if (contexts == null || contexts.isBlank()) {
            return Collections.singletonList(null);
        }
        return Arrays.stream(contexts.split(";")).map(String::strip).toList();
    }

    /** Liquibase's validation errors as it lists them (once), with the fix for custom change classes not on the classpath. */
    private static String explain(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ValidationFailedException validation) {
                String message = validation.getMessage().strip();
                return message + (message.contains(DeferredCustomChange.MISSING) ? "\n" + DeferredCustomChange.FIX : "");
            }
        }
        return ProfilerException.rootMessage(e);
    }

    @Override
    public int locate(Migration migration, String sql, int fromLine) {
        return sourceText(migration).find(sql, fromLine);
    }

    /** The changeset's lines: from its declaration up to the next changeset declared in the same file. */
    @Override
    public String text(Migration migration) {
        SourceText text = sourceText(migration);
        int next = nextDeclarations().getOrDefault(migration, text.lineCount() + 1);
        return text.lines(migration.line(), next);
    }

    private SourceText sourceText(Migration migration) {
        return texts.computeIfAbsent(migration.source(), shown -> new SourceText(read(resourcePaths.getOrDefault(shown, shown))));
    }

    private Map<Migration, Integer> nextDeclaration;

    /** Where the next changeset of the same file is declared, for every changeset: one pass, however large the changelog. */
    private Map<Migration, Integer> nextDeclarations() {
        if (nextDeclaration == null) {
            nextDeclaration = new HashMap<>();
            Map<String, List<Migration>> byFile = new HashMap<>();
            migrations.values().forEach(m -> byFile.computeIfAbsent(m.source(), f -> new ArrayList<>()).add(m));
            for (List<Migration> inFile : byFile.values()) {
                inFile.sort(Comparator.comparingInt(Migration::line));
                for (int i = 0; i < inFile.size(); i++) {
                    for (int j = i + 1; j < inFile.size(); j++) {
                        if (inFile.get(j).line() > inFile.get(i).line()) {
                            nextDeclaration.put(inFile.get(i), inFile.get(j).line());
                            break;
                        }
                    }
                }
            }
        }
        return nextDeclaration;
    }

    private String read(String path) {
        try {
            Resource resource = resources.get(path);
            if (!resource.exists()) {
                return "";
            }
            try (InputStream in = resource.openInputStream()) {
                return SourceFiles.decode(in.readAllBytes(), encoding, path); // strict: Liquibase would replace bad bytes silently
            }
        } catch (IOException e) {
            return ""; // only line numbers suffer; Liquibase itself reports unreadable files
        }
    }

    private <T> T inScope(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), resources);
        scope.put(Scope.Attr.logService.name(), new LiquibaseLog(log));
        scope.put(GlobalConfiguration.FILE_ENCODING.getKey(), encoding);
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(skippedCustomChanges.scopeKey(), skippedCustomChanges);
        // a profiling run must not phone home (and CI has no network to do so)
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        return Scope.child(scope, work);
    }

    /** Liquibase's own rollback of the changeset ({@link LiquibaseUndo}). */
    @Override
    public Undo undo(Migration migration) {
        return migrations.entrySet().stream().filter(e -> e.getValue().equals(migration)).findFirst()
                .<Undo>map(e -> new LiquibaseUndo(parsed.get(e.getKey()), this::inScope))
                .orElseGet(() -> Undo.none("not a changeset of " + changelogPath));
    }

    private static String key(ChangeSet changeSet) {
        return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }


    /**
     * Translates Liquibase's execution events into migration boundaries. Changesets Liquibase
     * passes over (another DBMS, a context or label not selected) are reported as skipped in
     * changelog order, with Liquibase's own reason; so are those a precondition marks as ran, and
     * those none of whose changes applies to PostgreSQL.
     */
    private final class Bridge extends AbstractChangeExecListener {
        private final MigrationListener listener;
        private final List<String> passes;
        private final List<String> order = new ArrayList<>(parsed.keySet());
        private final Set<String> reached = new HashSet<>();
        private List<ChangeSetFilter> filters = List.of();
        private int cursor;
        private int changesRun;
        private String precondition;
        private ChangeSet open;
        private String databaseName = "this database";
        private boolean failureReported;

        Bridge(MigrationListener listener, List<String> passes) {
            this.listener = listener;
            this.passes = passes;
        }

        void filters(Database database) {
            databaseName = database.getShortName();
            List<ChangeSetFilter> all = new ArrayList<>(List.of(new IgnoreChangeSetFilter(), new DbmsChangeSetFilter(database),
                    new LabelChangeSetFilter(new LabelExpression(labels))));
            passes.forEach(pass -> all.add(new ContextChangeSetFilter(new Contexts(pass))));
            filters = all;
        }

        @Override
        public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.RunStatus runStatus) {
            skippedUpTo(key(changeSet));
            open = changeSet;
            listener.starting(migrationOf(changeSet));
            listener.measuring(false); // preconditions and DATABASECHANGELOG come before and after the changes
            changesRun = 0;
            precondition = null;
        }

        @Override
        public void willRun(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
            changesRun++;
            listener.measuring(true);
        }

        @Override
        public void ran(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
            listener.measuring(false);
        }

        @Override
        public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
            precondition = error.getFailedPreconditions().isEmpty() ? error.getMessage()
                    : error.getFailedPreconditions().get(0).getMessage();
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
            Migration migration = migrationOf(changeSet);
            open = null;
            String skippedCustom = skippedCustomChanges.reason(changeSet);
            if (execType == ChangeSet.ExecType.MARK_RAN || execType == ChangeSet.ExecType.SKIPPED) {
                listener.skipped(migration, "precondition failed, onFail " + execType + (precondition == null ? "" : ": " + precondition));
            } else if (skippedCustom != null) {
                listener.skipped(migration, skippedCustom);
            } else if (changesRun == 0 && !changeSet.getChanges().isEmpty()) {
                listener.skipped(migration, noChangeApplies());
            } else {
                listener.finished(migration);
            }
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
            failureReported = true;
            open = null;
            listener.failed(migrationOf(changeSet), CustomChangeFailure.explain(changeSet, exception));
        }

        private String noChangeApplies() {
            return "none of its changes applies to " + databaseName;
        }

        /**
         * Reports the changesets before {@code key} that Liquibase passed over; all remaining ones
         * when {@code key} is null. With several passes a later one may still run them: they are
         * reported only at the end.
         */
        void skippedUpTo(String key) {
            if (open != null) {
                // Liquibase announced it, then found that no change in it applies to this DBMS: it never says "ran"
                listener.skipped(migrationOf(open), noChangeApplies());
                open = null;
            }
            reached.add(key);
            if (key != null && passes.size() > 1) {
                return;
            }
            while (cursor < order.size() && !order.get(cursor).equals(key)) {
                String passed = order.get(cursor++);
                if (!reached.contains(passed)) {
                    listener.skipped(migrations.get(passed), reason(parsed.get(passed)));
                }
            }
            if (cursor < order.size()) {
                cursor++;
            }
        }

        /** Liquibase's own reason; for contexts, that of every pass (a changeset one pass takes is not skipped). */
        private String reason(ChangeSet changeSet) {
            List<String> contextReasons = new ArrayList<>();
            for (ChangeSetFilter filter : filters) {
                ChangeSetFilterResult result = filter.accepts(changeSet);
                if (result != null && !result.isAccepted()) {
                    if (!(filter instanceof ContextChangeSetFilter)) {
                        return result.getMessage();
                    }
                    contextReasons.add(result.getMessage());
                }
            }
            return contextReasons.isEmpty() ? "not run by Liquibase" : String.join("; ", contextReasons);
        }

        private Migration migrationOf(ChangeSet changeSet) {
            return migrations.computeIfAbsent(key(changeSet), k -> migration(changeSet));
        }
    }
}
