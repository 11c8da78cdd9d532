package io.github.migrationprofiler.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.github.migrationprofiler.config.DockerOptions;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import org.postgresql.Driver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL in a container of its own: a random password per run, port 5432 published on
 * 127.0.0.1 at a port Docker chooses, labels naming the plugin, the run and the owning process.
 * Ready means a real JDBC {@code SELECT 1} succeeds. Closing removes the container unless asked to
 * keep it.
 */
final class DockerServer implements PostgresServer {

    private static final ExposedPort POSTGRES_PORT = ExposedPort.tcp(5432);
    private static final String USER = "postgres";
    private static final long SHM_BYTES = 256L * 1024 * 1024; // parallel index builds need more than Docker's 64 MB

    private final DockerDaemon daemon;
    private final DockerOptions options;
    private final String containerId;
    private final String name;
    private final String password;
    private final DataVolume volume;
    private final ProfilerLog log;
    private int port;
    private boolean closed;

    private DockerServer(DockerDaemon daemon, DockerOptions options, String containerId, String name, String password,
                         DataVolume volume, ProfilerLog log) {
        this.volume = volume;
        this.daemon = daemon;
        this.options = options;
        this.containerId = containerId;
        this.name = name;
        this.password = password;
        this.log = log;
    }

    /**
     * Starts a container on {@code daemon}; the server owns (and finally closes) the daemon connection.
     *
     * @param cache where the data volume's password is kept ({@link DataVolume}); {@code null}: a throw-away container
     */
    static DockerServer start(DockerDaemon daemon, DockerOptions options, Map<String, String> settings, Path cache,
                              ProfilerLog log) {
        DataVolume volume;
        try {
            daemon.removeLeftovers();
            daemon.ensureImage(options.image(), options.pullTimeout());
            DataVolume.pruneOrphans(daemon, log);
            volume = cache == null || options.keepContainer() ? null : DataVolume.forImage(daemon, options.image(), cache, log);
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
        DockerServer cached = volume == null ? null : onVolume(daemon, options, settings, volume, log);
        if (cached != null) {
            return cached;
        }
        try {
            return launch(daemon, options, settings, null, "migration-profiler-" + UUID.randomUUID().toString().substring(0, 8),
                    randomPassword(), log);
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    /**
     * The server on the data volume, or {@code null} when another run holds it or it does not start
     * (then the volume is removed, and made again by the next run).
     */
    private static DockerServer onVolume(DockerDaemon daemon, DockerOptions options, Map<String, String> settings,
                                         DataVolume volume, ProfilerLog log) {
        try {
            DockerServer server = launch(daemon, options, settings, volume, volume.container(), volume.password(), log);
            log.info("Started on data volume " + volume.volume() + " (kept between runs, like the templates in it)");
            return server;
        } catch (ConflictException inUse) {
            log.info("Data volume " + volume.volume() + " is in use by another run (container " + volume.container()
                    + "): this run uses a throw-away container");
            return null;
        } catch (RuntimeException damaged) {
            boolean removed = DataVolume.remove(daemon, volume.volume());
            String why = damaged instanceof ProfilerException ? damaged.getMessage() : ProfilerException.rootMessage(damaged);
            log.warn(why.lines().findFirst().orElse("") + (removed ? ": data volume " + volume.volume()
                    + " is removed and made again by the next run" : "") + "; this run uses a throw-away container");
            return null;
        }
    }

    /** Creates, starts and waits for a container; one that does not become ready is removed. */
    private static DockerServer launch(DockerDaemon daemon, DockerOptions options, Map<String, String> settings,
                                       DataVolume volume, String name, String password, ProfilerLog log) {
        String containerId = create(daemon, options, settings, volume, name, password).exec().getId();
        DockerServer server = new DockerServer(daemon, options, containerId, name, password, volume, log);
        try {
            daemon.client().startContainerCmd(containerId).exec();
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            String logs = server.lastLogLines();
            server.removeContainer();
            throw new ProfilerException("PostgreSQL container " + name + " (" + options.image() + ") did not become ready: "
                    + ProfilerException.rootMessage(e) + (logs.isEmpty() ? "" : "\nLast container log lines:\n" + logs), e);
        }
    }

    private static CreateContainerCmd create(DockerDaemon daemon, DockerOptions options, Map<String, String> settings,
                                             DataVolume volume, String name, String password) {
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), POSTGRES_PORT))
                .withShmSize(SHM_BYTES);
        CreateContainerCmd create = daemon.client().createContainerCmd(options.image())
                .withName(name)
                .withEnv("POSTGRES_PASSWORD=" + password, "POSTGRES_USER=" + USER, "POSTGRES_DB=postgres")
                .withLabels(Map.of(DockerDaemon.LABEL, "true", DockerDaemon.RUN_LABEL, name,
                        DockerDaemon.OWNER_LABEL, Owner.current()))
                .withExposedPorts(POSTGRES_PORT)
                .withHostConfig(volume == null ? host : host.withBinds(volume.bind()));
        if (!settings.isEmpty()) {
            List<String> args = new ArrayList<>();
            settings.forEach((key, value) -> {
                args.add("-c");
                args.add(key + "=" + value);
            });
            create.withCmd(args); // the official entrypoint hands arguments starting with '-' to postgres
        }
        return create;
    }

    private void awaitReady() {
        InspectContainerResponse inspect = daemon.client().inspectContainerCmd(containerId).exec();
        Ports.Binding[] bindings = inspect.getNetworkSettings().getPorts().getBindings().get(POSTGRES_PORT);
        if (bindings == null || bindings.length == 0) {
            throw new ProfilerException("Docker published no host port for 5432");
        }
        port = Integer.parseInt(bindings[0].getHostPortSpec());
        Instant deadline = Instant.now().plus(options.startupTimeout());
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                log.info("Container " + name + " (" + options.image() + ") ready on 127.0.0.1:" + port);
                return;
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    throw new ProfilerException("the server refused the password: " + e.getMessage(), e);
                }
                last = e; // still initialising (the image restarts the server once after initdb)
            }
            if (!Boolean.TRUE.equals(daemon.client().inspectContainerCmd(containerId).exec().getState().getRunning())) {
                throw new ProfilerException("the container exited");
            }
            sleep(200);
        }
        throw new ProfilerException("no connection within " + options.startupTimeout().toSeconds() + " s"
                + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
    }

    private String lastLogLines() {
        StringBuilder lines = new StringBuilder();
        try {
            daemon.client().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(30)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            lines.append("  ").append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            return lines.toString(); // the logs are a courtesy; the real error is reported anyway
        }
        return lines.toString().stripTrailing();
    }

    /** On the data volume its databases stay for the next run, in Docker's keeping. */
    @Override
    public boolean outlivesRun() {
        return volume != null;
    }

    @Override
    public boolean keepsInOwnCache() {
        return volume != null;
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public String image() {
        return options.image();
    }

    @Override
    public boolean keepsData() {
        return options.keepContainer();
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "migration-profiler");
        properties.setProperty("connectTimeout", "5");
        return new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    @Override
    public synchronized void close() {
        if (options.keepContainer() && !closed) {
            closed = true;
            log.info("Kept container " + name + ". Connect with: psql postgresql://" + USER + ":"
                    + (options.revealPassword() ? password : "****") + "@127.0.0.1:" + port + "/postgres"
                    + (options.revealPassword() ? "" : " (see the password with -Dmigration-profiler.revealPassword)")
                    + "; remove it with: docker rm -f " + name);
            daemon.close();
            return;
        }
        remove();
    }

    /** Removes the container (whatever state it is in) and closes the daemon connection. */
    private synchronized void remove() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeContainer();
            log.info("Removed container " + name);
        } finally {
            daemon.close();
        }
    }

    /** On the data volume the server is stopped first, so the next run starts without crash recovery. */
    private void removeContainer() {
        if (volume != null) {
            daemon.stop(containerId);
        }
        daemon.remove(containerId);
    }

    @Override
    public String toString() {
        return "PostgreSQL container " + name;
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfilerException("Interrupted while waiting for PostgreSQL");
        }
    }
}
