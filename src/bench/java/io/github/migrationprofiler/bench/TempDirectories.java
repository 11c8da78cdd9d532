package io.github.migrationprofiler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary directories a benchmark makes (projects, outputs, caches), removed when it ends, also on Ctrl-C. */
final class TempDirectories {

    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempDirectories::removeAll, "bench-temp-cleanup"));
    }

    static Path make(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            synchronized (MADE) {
                MADE.add(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeAll() {
        synchronized (MADE) {
            MADE.forEach(TempDirectories::remove);
        }
    }

    private static void remove(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }

    private TempDirectories() {
    }
}
