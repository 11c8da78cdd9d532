package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flyway project, run by Flyway itself: ordering, transactions, placeholders, callbacks, script
 * configuration, baseline and repeatable migrations, Java migrations and
 * {@code flyway_schema_history} are what production's Flyway does. Flyway asks the database how
 * to parse its scripts, so the migrations are listed once a server runs ({@link #list}).
 *
 * <p>Flyway's connections are all the one the pass gives: what Flyway sends for a migration is
 * sent on the connection the pass watches. Its lock is therefore taken per session, never in a
 * transaction: with {@code postgresql.transactional.lock} on (Flyway's default) production's
 * Flyway holds a transaction open on a second session, and a non-transactional migration such as
 * {@code CREATE INDEX CONCURRENTLY} waits for it forever — the run reports that instead of hanging.
 */
public final class FlywaySource implements MigrationSource {

    static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";
    /** What the run brings itself (its own database) or what only Spring Boot reads. */
    private static final Set<String> NOT_PASSED = Set.of("flyway.url", "flyway.user", "flyway.password", "flyway.driver",
            "flyway.driverClassName", "flyway.initSqls", "flyway.checkLocation", "flyway.failOnMissingLocations",
            "flyway.configFiles", "flyway.workingDirectory", "flyway.environment", "flyway.connectRetries");

    /** Flyway's words for a migration file it could not decode. */
    private static final Pattern UNREADABLE = Pattern.compile("Unable to calculate checksum of (\\S+)");

    /** Flyway's undo file name: {@code U}, the version with {@code _} or {@code .}, {@code __}, a description. */
    private static final Pattern UNDO_FILE = Pattern.compile("U([0-9][0-9._]*)__.*\\.sql");

    private final FlywaySettings settings;
    private final Path baseDir;
    private final ClassLoader classes;
    private final List<String> locations;
    private final boolean transactionalLock;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final ProfilerLog log;
    private Map<String, Migration> byScript;
    private final List<String> leftOut = new ArrayList<>();
    private final Map<Migration, Path> files = new HashMap<>();
    private final Map<Migration, String> contents = new HashMap<>();
    private final Map<Migration, SourceText> texts = new HashMap<>();
    private final Charset encoding;

    /** @param encoding how the project's files are written: Flyway's {@code encoding} unless its settings name one */
    FlywaySource(FlywaySettings settings, Path baseDir, List<Path> classpath, Charset encoding, ProfilerLog log) {
        this.settings = settings;
        this.baseDir = baseDir;
        this.log = log;
        this.classes = FlywayClasspath.loader(baseDir, classpath);
        settings.properties().forEach((key, value) -> {
            if (!NOT_PASSED.contains(key)) {
                properties.put(key, value);
            }
        });
        properties.putIfAbsent("flyway.encoding", encoding.name());
        this.encoding = Charset.forName(properties.get("flyway.encoding").strip());
        String lock = properties.remove(TRANSACTIONAL_LOCK); // set below, through the extension: by name it needs Jackson 3
        this.transactionalLock = lock == null || !"false".equalsIgnoreCase(lock.strip());
        String configured = properties.remove("flyway.locations");
        this.locations = FlywayClasspath.locations(configured == null || configured.isBlank() ? settings.locations() : configured,
                baseDir, classes, log);
        FlywayLogs.install();
    }

    @Override
    public String describe() {
        return "Flyway project (" + String.join(", ", locations.stream().map(this::shown).toList())
                + (byScript == null ? "" : ", " + byScript.size() + " migrations") + "; settings from " + settings.origin() + ")";
    }

    @Override
    public boolean listsOnServer() {
        return true;
    }

    /** Asks Flyway, on the empty database {@code database} opens, which migrations it would apply and in what order. */
    @Override
    public void list(Callable<Connection> database) {
        Map<String, Migration> listed = new LinkedHashMap<>();
        try (Connection connection = database.call()) {
            for (MigrationInfo info : flyway(connection, null).info().all()) {
                if (info.getState().isApplied() || info.getState().isResolved() && isPending(info)) {
                    Migration migration = migration(info);
                    listed.put(info.getScript(), migration);
                } else {
                    leftOut.add("Flyway leaves out " + info.getScript() + " (" + info.getState().getDisplayName().toLowerCase()
                            + "): it is not profiled");
                    log.warn(leftOut.get(leftOut.size() - 1));
                }
            }
        } catch (FlywayException e) {
            badlyEncoded(e);
            throw new ProfilerException("Flyway could not list the migrations (" + describe() + "): " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ProfilerException("Flyway could not list the migrations: " + e.getMessage(), e);
        }
        byScript = listed;
        log.info("Flyway mode: " + describe());
    }

    private static boolean isPending(MigrationInfo info) {
        return switch (info.getState()) {
            case PENDING, OUTDATED, OUT_OF_ORDER -> true;
            default -> false;
        };
    }

    private Migration migration(MigrationInfo info) {
        String physical = info.getPhysicalLocation();
        Path file = physical == null || physical.isBlank() ? null : Path.of(physical);
        boolean sql = file != null && Files.isRegularFile(file);
        String script = info.getScript();
        Migration migration = new Migration(script.substring(script.lastIndexOf('/') + 1), null,
                sql ? shown(asWritten(file).toString()) : script, 1,
                new Migration.Flyway(info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
                        info.getType().name()));
        if (sql) {
            files.put(migration, file);
        }
        return migration;
    }

    /**
     * Flyway's undo file for a versioned SQL migration ({@code U2__anything.sql} undoes version 2),
     * beside it, with the project's placeholders, run as Flyway Teams would run it: the free edition
     * has no undo, so the plugin runs the file itself.
     */
    @Override
    public Undo undo(Migration migration) {
        Path file = files.get(migration);
        String version = migration.flyway() == null ? null : migration.flyway().version();
        if (file == null || version == null) {
            return Undo.none(version == null && file != null ? "a repeatable migration has no undo in Flyway"
                    : "Flyway undoes SQL migrations only, with a U file");
        }
        MigrationVersion undone = MigrationVersion.fromVersion(version);
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            Optional<Path> undo = siblings.filter(p -> undoes(p.getFileName().toString(), undone)).sorted().findFirst();
            if (undo.isPresent()) {
                Path found = undo.get();
                String shown = shown(asWritten(found).toString());
                return SqlScript.undo(shown, () -> placeholders(shown, SourceFiles.read(found, encoding, shown)));
            }
        } catch (IOException e) {
            throw new ProfilerException("Cannot look for the undo file of " + migration.source() + ": " + e.getMessage(), e);
        }
        return Undo.none("no undo file U" + version + "__….sql beside " + migration.source());
    }

    private static boolean undoes(String name, MigrationVersion version) {
        Matcher matcher = UNDO_FILE.matcher(name);
        return matcher.matches() && MigrationVersion.fromVersion(matcher.group(1).replace('_', '.')).equals(version);
    }

    /** The undo file's text with the project's placeholders replaced, as Flyway replaces them; one without a value fails, as in Flyway. */
    private String placeholders(String shown, String text) {
        FluentConfiguration configuration = Flyway.configure(classes).configuration(properties);
        if (!configuration.isPlaceholderReplacement()) {
            return text;
        }
        String replaced = text;
        for (Map.Entry<String, String> placeholder : configuration.getPlaceholders().entrySet()) {
            replaced = replaced.replace(configuration.getPlaceholderPrefix() + placeholder.getKey() + configuration.getPlaceholderSuffix(),
                    placeholder.getValue());
        }
        int left = replaced.indexOf(configuration.getPlaceholderPrefix());
        if (left >= 0) {
            int end = replaced.indexOf(configuration.getPlaceholderSuffix(), left);
            throw new ProfilerException("No value provided for placeholder " + replaced.substring(left, end < 0 ? left + 2 : end + 1)
                    + " in " + shown + ": set it as Flyway's placeholders are set (flyway.placeholders.*)");
        }
        return replaced;
    }

    /** A script the build copied to {@code target/classes}, as the project keeps it (in {@code src/main/resources}). */
    private Path asWritten(Path file) {
        Path classes = baseDir.resolve("target/classes");
        if (file.startsWith(classes)) {
            Path resource = baseDir.resolve("src/main/resources").resolve(classes.relativize(file));
            if (Files.isRegularFile(resource)) {
                return resource;
            }
        }
        return file;
    }

    @Override
    public List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    @Override
    public List<Migration> migrations() {
        if (byScript == null) {
            throw new IllegalStateException("Flyway's migrations are listed on a server first");
        }
        return List.copyOf(byScript.values());
    }

    /** Migrations already in {@code flyway_schema_history} (a copy of a baseline template) are skipped by Flyway itself. */
    @Override
    public void apply(Connection connection, MigrationListener listener, Set<Migration> alreadyApplied) {
        List<Migration> pending = byScript == null ? List.of()
                : byScript.values().stream().filter(m -> !alreadyApplied.contains(m)).toList();
        FlywayEvents events = new FlywayEvents(listener, this::known, pending, transactionalLock, texts, this::content);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classes); // a Java migration loads its resources as it does in the application
        try {
            flyway(connection, events).migrate();
            events.ended();
        } catch (FlywayException e) {
            StopApplying stop = FlywayEvents.causeOf(e, StopApplying.class);
            if (stop != null) {
                throw stop;
            }
            if (!events.failed(e)) {
                throw new ProfilerException("Flyway failed outside any migration: " + FlywayEvents.reason(e), e);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The migration Flyway reports, as listed; one it did not list (it should not happen) is taken as it comes. */
    private Migration known(MigrationInfo info) {
        Migration listed = byScript == null ? null : byScript.get(info.getScript());
        return listed != null ? listed : migration(info);
    }

    private Flyway flyway(Connection connection, FlywayEvents events) {
        FluentConfiguration configuration = Flyway.configure(classes).loggers("maven");
        try {
            configuration.configuration(properties);
        } catch (FlywayException e) {
            throw new ProfilerException("Flyway's configuration from " + settings.origin() + " is not valid: " + e.getMessage(), e);
        }
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.locations(locations.toArray(String[]::new)).dataSource(new OneConnection(connection));
        if (events != null) {
            configuration.callbacks(events);
        }
        return configuration.load();
    }

    /**
     * Flyway names the file it cannot read in its encoding, not where in it: the file is read again
     * here, strictly, to fail with its line and bytes ({@link SourceFiles}).
     */
    private void badlyEncoded(FlywayException e) {
        Matcher unreadable = UNREADABLE.matcher(String.valueOf(e.getMessage()));
        if (!unreadable.find()) {
            return;
        }
        for (String location : locations) {
            if (location.startsWith("filesystem:")) {
                Path file = Path.of(location.substring("filesystem:".length())).resolve(unreadable.group(1));
                if (Files.isRegularFile(file)) {
                    SourceFiles.read(file, encoding, shown("filesystem:" + file));
                }
            }
        }
    }

    private String shown(String location) {
        String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
        Path file = Path.of(path);
        return (file.isAbsolute() && file.startsWith(baseDir) ? baseDir.relativize(file).toString() : location).replace('\\', '/');
    }

    @Override
    public String text(Migration migration) {
        return files.containsKey(migration) ? content(migration) : "";
    }

    private String content(Migration migration) {
        Path file = files.get(migration);
        if (file == null) {
            return "";
        }
        return contents.computeIfAbsent(migration, m -> SourceFiles.read(file, encoding, shown(file.toString())));
    }

    @Override
    public int locate(Migration migration, String sql, int fromLine) {
        SourceText text = texts.get(migration);
        return text == null ? fromLine : text.find(sql, fromLine);
    }

    /** Closes the classes of the project it loaded. */
    @Override
    public void close() {
        if (classes instanceof URLClassLoader loader) {
            try {
                loader.close();
            } catch (IOException e) {
                log.debug("Closing the project's classes: " + e.getMessage());
            }
        }
    }
}
