package io.github.migrationprofiler.source;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders SQL migration files as Flyway does: versioned files ({@code V1__x.sql},
 * {@code V1.1__y.sql}, {@code V2_0_1__z.sql}) by numeric version, then every other file by name.
 */
final class SqlFileOrder {

    private static final Pattern VERSIONED = Pattern.compile("[Vv](\\d+(?:[._]\\d+)*)__.*\\.sql");

    static final Comparator<Path> ORDER = Comparator
            .comparing((Path p) -> version(p).isEmpty())
            .thenComparing(p -> version(p).orElse(List.of()), SqlFileOrder::compareVersions)
            .thenComparing(p -> p.getFileName().toString())
            .thenComparing(Path::toString);

    private SqlFileOrder() {
    }

    /** Flyway's default names: versioned, repeatable, baseline and undo files. */
    private static final Pattern FLYWAY_NAME = Pattern.compile("([VBU]\\d+(?:[._]\\d+)*|R)__.*\\.sql");

    /** Whether any SQL file in {@code directory} (recursively) is named as Flyway names migrations. */
    static boolean hasFlywayNames(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(f -> FLYWAY_NAME.matcher(f.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    /** The version of a {@code V<version>__<description>.sql} file, as numbers. */
    static Optional<List<BigInteger>> version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : m.group(1).split("[._]")) {
            parts.add(new BigInteger(part));
        }
        // 1.0 and 1 are the same version, as in Flyway
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return Optional.of(parts);
    }

    static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
