package io.github.migrationprofiler.engine;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The embedded engine's PostgreSQL archive from one binaries jar, the one resolved for this
 * machine: zonky would look for it on the class path, where the jars of every platform would have
 * to be.
 */
final class JarBinaries implements PgBinaryResolver {

    private final Path jar;

    JarBinaries(Path jar) {
        this.jar = jar;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        JarFile file = new JarFile(jar.toFile());
        JarEntry archive = file.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
        if (archive == null) {
            file.close();
            throw new IOException("no PostgreSQL archive (.txz) in " + jar);
        }
        return new FilterInputStream(file.getInputStream(archive)) {
            @Override
            public void close() throws IOException {
                super.close();
                file.close();
            }
        };
    }
}
