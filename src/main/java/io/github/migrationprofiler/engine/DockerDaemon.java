package io.github.migrationprofiler.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A connection to a Docker daemon, found as the docker CLI finds it: {@code DOCKER_HOST},
 * {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}, {@code DOCKER_CONFIG} and the current Docker
 * context. No API version is pinned, so the daemon speaks its own.
 */
final class DockerDaemon implements AutoCloseable {

    static final String LABEL = "io.github.migrationprofiler";
    static final String RUN_LABEL = LABEL + ".run";
    static final String OWNER_LABEL = LABEL + ".owner";

    private final DockerClient client;
    private final String host;
    private final ProfilerLog log;

    private DockerDaemon(DockerClient client, String host, ProfilerLog log) {
        this.client = client;
        this.host = host;
        this.log = log;
    }

    /** A daemon that answers, or the reason none does. */
    static Attempt tryConnect(DockerOptions options, ProfilerLog log) {
        String host = "the Docker default";
        try {
            DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
            if (options.dockerHost() != null && !options.dockerHost().isBlank()) {
                builder.withDockerHost(options.dockerHost());
            }
            DockerClientConfig config = builder.build();
            host = config.getDockerHost().toString();
            String silent = "unix".equals(config.getDockerHost().getScheme()) ? silent(Path.of(config.getDockerHost().getPath())) : null;
            if (silent != null) {
                return new Attempt(null, "no Docker daemon answers at " + host + " (" + silent + ")");
            }
            ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .connectionTimeout(Duration.ofSeconds(5))
                    .responseTimeout(Duration.ofMinutes(2))
                    .build();
            DockerClient client = DockerClientImpl.getInstance(config, http);
            client.pingCmd().exec();
            return new Attempt(new DockerDaemon(client, host, log), null);
        } catch (RuntimeException e) {
            return new Attempt(null, "no Docker daemon answers at " + host + " (" + ProfilerException.rootMessage(e) + ")");
        }
    }

    /**
     * Why nothing listens on the socket, or {@code null} when something does. Asked before any HTTP
     * client exists: a refused connect fails at once, where the client retries it and logs each try.
     */
    private static String silent(Path socket) {
        if (!Files.exists(socket)) {
            return "no socket there";
        }
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return null;
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** Either a daemon or why there is none. */
    record Attempt(DockerDaemon daemon, String failure) {
        /** The daemon, or an error naming its address and the ways out. */
        DockerDaemon orElseThrow() {
            if (daemon == null) {
                throw new ProfilerException("engine=docker: " + failure + ". Start Docker, point DOCKER_HOST (or "
                        + "migration-profiler.dockerHost) at a daemon you may use, or choose another engine: "
                        + "-Dmigration-profiler.engine=embedded, or -Dmigration-profiler.engine=external with a jdbcUrl.");
            }
            return daemon;
        }
    }

    DockerClient client() {
        return client;
    }

    String host() {
        return host;
    }

    /**
     * Removes containers left by runs that died without cleaning up ({@code kill -9}, a crashed
     * JVM): labelled as ours, started on this host, by a process that no longer exists.
     */
    void removeLeftovers() {
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, "true")).exec()) {
            long pid = Owner.goneProcess(container.getLabels().get(OWNER_LABEL));
            if (pid < 0) {
                continue; // alive, or another machine's run: we cannot tell whether it is alive
            }
            remove(container.getId());
            log.info("Removed leftover container " + String.join(",", container.getNames())
                    + " of run " + container.getLabels().get(RUN_LABEL) + " (its process " + pid + " is gone)");
        }
    }

    /** Makes sure the image is present, pulling it (with progress) when it is not. */
    void ensureImage(String image, Duration timeout) {
        try {
            client.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            log.info("Pulling " + image + " (up to " + timeout.toMinutes() + " min)");
        }
        String ways = ". Point migration-profiler.image at an image this machine has (docker images), "
                + "or use -Dmigration-profiler.engine=embedded.";
        try (PullProgress progress = new PullProgress(log)) {
            if (!client.pullImageCmd(image).exec(progress).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProfilerException("Pulling image " + image + " did not finish within " + timeout + ways);
            }
            if (progress.failure != null) {
                throw new ProfilerException("Cannot pull image " + image + ": " + ProfilerException.rootMessage(progress.failure) + ways,
                        progress.failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfilerException("Pulling image " + image + " was interrupted", e);
        } catch (RuntimeException | IOException e) {
            if (e instanceof ProfilerException p) {
                throw p;
            }
            throw new ProfilerException("Cannot pull image " + image + ": " + ProfilerException.rootMessage(e) + ways, e);
        }
    }

    /** Stops the container's server cleanly (SIGTERM, then up to 30 s), whatever state it is in. */
    void stop(String containerId) {
        try {
            client.stopContainerCmd(containerId).withTimeout(30).exec();
        } catch (NotFoundException | NotModifiedException stoppedAlready) {
            // nothing to stop
        }
    }

    void remove(String containerId) {
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by someone else: nothing left to do
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            log.debug("Closing the Docker client: " + e.getMessage());
        }
    }

    /**
     * Logs pull progress at most every five seconds, so a slow pull shows it is alive, and keeps
     * the pull's failure for the profiler to report once, in its own words (docker-java would log
     * it as an error with a stack trace first, even where the run goes on with another engine).
     */
    private static final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {
        private final ProfilerLog log;
        private Instant next = Instant.now();
        private volatile Throwable failure;

        PullProgress(ProfilerLog log) {
            this.log = log;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null) {
                onError(new IllegalStateException(item.getErrorDetail().getMessage()));
                return;
            }
            if (item.getStatus() != null && Instant.now().isAfter(next)) {
                next = Instant.now().plusSeconds(5);
                log.info("  " + item.getStatus() + (item.getProgress() == null ? "" : " " + item.getProgress()));
            }
        }

        @Override
        public void onError(Throwable error) {
            if (failure == null) {
                failure = error;
            }
            try {
                close();
            } catch (IOException e) {
                log.debug("Closing a failed pull: " + e.getMessage());
            }
        }
    }
}
