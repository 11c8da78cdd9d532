package io.github.migrationprofiler.engine;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Volume;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The Docker engine's counterpart of the embedded engine's cached data directory: a named volume,
 * one per image, that holds the server's data directory between runs, so a run starts without
 * initdb and finds the baseline templates earlier runs kept. The container that mounts it has a
 * fixed name, and Docker refuses a second container of that name: one run at a time uses the
 * volume, on every machine that shares the daemon; another runs on a throw-away container. The
 * image's entrypoint sets the password only when it makes the data directory, so the volume's
 * password is kept beside the cache, readable by its owner only.
 */
record DataVolume(String volume, String container, String password, String dataDirectory) {

    static final String PREFIX = "migration-profiler-data-";
    private static final String IMAGE_LABEL = DockerDaemon.LABEL + ".image";

    /** The volume for {@code image}, its password read from {@code cache} or made (a volume without one is made again). */
    static DataVolume forImage(DockerDaemon daemon, String image, Path cache, ProfilerLog log) {
        InspectImageResponse inspected = daemon.client().inspectImageCmd(image).exec();
        String id = inspected.getId().replaceFirst("^sha256:", "").substring(0, 12);
        String volume = PREFIX + id;
        Path secret = cache.resolve("docker").resolve(volume + ".password");
        try {
            String password = Files.exists(secret) ? Files.readString(secret).strip() : null;
            if (password == null && exists(daemon, volume)) {
                remove(daemon, volume); // its password is lost with the cache directory: it cannot be used
                log.info("Removed data volume " + volume + ": its password is not in " + cache + " (it is made again)");
            }
            if (password == null) {
                password = keep(secret, DockerServer.randomPassword());
            }
            String data = dataDirectory(inspected);
            daemon.client().createVolumeCmd().withName(volume).withLabels(Map.of(DockerDaemon.LABEL, "true", IMAGE_LABEL, inspected.getId()))
                    .exec(); // already there: Docker returns it as it is
            return new DataVolume(volume, "migration-profiler-cache-" + id, password, data);
        } catch (IOException e) {
            throw new ProfilerException("Cannot keep the password of data volume " + volume + " in " + secret + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new password, readable by its owner only; one another run wrote first wins. */
    private static String keep(Path secret, String password) throws IOException {
        Files.createDirectories(secret.getParent());
        try {
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException another) {
            return Files.readString(secret).strip();
        }
        Files.writeString(secret, password);
        return password;
    }

    /** The image's {@code PGDATA}, where the official images and their followers keep the data directory. */
    private static String dataDirectory(InspectImageResponse image) {
        String[] env = image.getConfig() == null || image.getConfig().getEnv() == null ? new String[0] : image.getConfig().getEnv();
        for (String variable : env) {
            if (variable.startsWith("PGDATA=")) {
                return variable.substring("PGDATA=".length());
            }
        }
        return "/var/lib/postgresql/data";
    }

    Bind bind() {
        return new Bind(volume, new Volume(dataDirectory));
    }

    /** Removes the volume, when no container uses it; {@code false} when one does. */
    static boolean remove(DockerDaemon daemon, String volume) {
        try {
            daemon.client().removeVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException gone) {
            return true;
        } catch (ConflictException inUse) {
            return false;
        }
    }

    private static boolean exists(DockerDaemon daemon, String volume) {
        try {
            InspectVolumeResponse ignored = daemon.client().inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    /** Removes the volumes of images this daemon no longer has: nothing can start on them again. */
    static void pruneOrphans(DockerDaemon daemon, ProfilerLog log) {
        List<InspectVolumeResponse> volumes = daemon.client().listVolumesCmd().withFilter("label", List.of(IMAGE_LABEL)).exec()
                .getVolumes();
        for (InspectVolumeResponse kept : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            String image = kept.getLabels() == null ? null : kept.getLabels().get(IMAGE_LABEL);
            if (image != null && kept.getName().startsWith(PREFIX) && !imagePresent(daemon, image) && remove(daemon, kept.getName())) {
                log.info("Removed data volume " + kept.getName() + ": its image is gone");
            }
        }
    }

    private static boolean imagePresent(DockerDaemon daemon, String image) {
        try {
            daemon.client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }
}
