package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.support.ProfilerLog;
import org.apache.commons.io.FileUtils;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Embedded servers, recorded where the next run looks: a run killed with {@code kill -9} cannot
 * stop its PostgreSQL, and the next run on this machine stops it and deletes its data directory.
 * Each server has one small file in a directory of the machine's temporary files, holding its
 * owner ({@link Owner}), port and data directory; a run removes its own file when it stops its server.
 */
final class EmbeddedLeftovers {

    /** How this run's data directories are named: only such a directory is ever deleted. */
    static final String DATA_PREFIX = "migration-profiler-pg";
    private static final Path REGISTRY = Path.of(System.getProperty("java.io.tmpdir"), "migration-profiler", "embedded");
    private static final long STOP_SECONDS = 10;

    private EmbeddedLeftovers() {
    }

    /**
     * Records a server this run started; returns the record, to {@link #forget} when the server stops.
     *
     * @param cached the data directory is the cache's: a killed run's server is stopped, its directory kept
     */
    static Path record(Path dataDirectory, int port, boolean cached) {
        Properties entry = new Properties();
        entry.setProperty("owner", Owner.current());
        entry.setProperty("cached", String.valueOf(cached));
        entry.setProperty("port", String.valueOf(port));
        entry.setProperty("dataDirectory", dataDirectory.toString());
        try {
            Files.createDirectories(REGISTRY);
            Path file = REGISTRY.resolve(ProcessHandle.current().pid() + "-" + port + ".properties");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                entry.store(out, "an embedded PostgreSQL of migration-profiler; the next run removes it if this run is gone");
            }
            return file;
        } catch (IOException e) {
            return null; // only a killed run's leftovers would go unnoticed
        }
    }

    static void forget(Path record) {
        try {
            if (record != null) {
                Files.deleteIfExists(record);
            }
        } catch (IOException e) {
            // the next run finds the server stopped and removes the record then
        }
    }

    /** Stops the servers of runs that are gone and deletes their data directories, saying so. */
    static void sweep(ProfilerLog log) {
        if (!Files.isDirectory(REGISTRY)) {
            return;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(REGISTRY, "*.properties")) {
            for (Path record : records) {
                Properties entry = read(record);
                long gone = Owner.goneProcess(entry.getProperty("owner"));
                if (gone >= 0) {
                    remove(record, entry, gone, log);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for embedded servers left by killed runs in " + REGISTRY + " (" + e.getMessage()
                    + "): any left keep running until stopped by hand");
        }
    }

    private static void remove(Path record, Properties entry, long ownerPid, ProfilerLog log) throws IOException {
        Path data = Path.of(entry.getProperty("dataDirectory", ""));
        boolean cached = Boolean.parseBoolean(entry.getProperty("cached"));
        String name = data.getFileName() == null ? "" : data.getFileName().toString();
        if (!data.isAbsolute() || !(cached ? name.startsWith(EmbeddedServer.CACHED_DATA) : name.startsWith(DATA_PREFIX))) {
            Files.deleteIfExists(record); // not a record of ours: nothing it names is touched
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster(data);
        if (postmaster.isEmpty() && !Files.exists(data)) {
            Files.deleteIfExists(record); // stopped and removed by its own shutdown hook: nothing is left
            return;
        }
        if (postmaster.isPresent()) {
            ProcessHandle server = postmaster.get();
            server.destroy(); // SIGTERM: a smart shutdown, which the dead run's closed connections let finish
            try {
                server.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (Exception slow) {
                server.destroyForcibly();
            }
        }
        String server = postmaster.map(p -> "server process " + p.pid() + " stopped").orElse("its server had stopped");
        Files.deleteIfExists(record);
        if (cached) { // the cache's directory stays; the next run drops the killed run's databases in it
            log.info("Stopped the embedded PostgreSQL of a run that is gone (process " + ownerPid + "): " + server
                    + "; its data directory " + data + " is the cache's and stays");
            return;
        }
        long bytes = Files.isDirectory(data) ? FileUtils.sizeOfDirectory(data.toFile()) : 0;
        FileUtils.deleteDirectory(data.toFile());
        log.info(String.format(Locale.ROOT, "Removed the embedded PostgreSQL of a run that is gone (process %d): %s, "
                + "data directory %s (%,d MB)", ownerPid, server, data, bytes >> 20));
    }

    /**
     * The server still running on {@code data}: the process {@code postmaster.pid} names, if it is
     * a postgres process (a number reused by another program is left alone).
     */
    private static Optional<ProcessHandle> postmaster(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Properties read(Path record) throws IOException {
        Properties entry = new Properties();
        try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            entry.load(in);
        }
        return entry;
    }
}
