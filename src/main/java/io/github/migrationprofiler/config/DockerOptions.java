package io.github.migrationprofiler.config;

import java.time.Duration;

/**
 * How the Docker engine runs PostgreSQL.
 *
 * @param image          image to run; it must follow the official postgres image's contract
 *                       (POSTGRES_PASSWORD, port 5432); {@code null}: the official image of the run's major ({@code postgres:17})
 * @param dockerHost     daemon address, or {@code null} for DOCKER_HOST / the current Docker context
 * @param keepContainer  leave the container (and its scratch database) running after the run
 * @param revealPassword print the kept container's password instead of masking it
 * @param pullTimeout    longest wait for an image pull
 * @param startupTimeout longest wait for the server to accept a connection
 */
public record DockerOptions(String image, String dockerHost, boolean keepContainer, boolean revealPassword,
                            Duration pullTimeout, Duration startupTimeout) {

    public static final DockerOptions DEFAULTS =
            new DockerOptions(null, null, false, false, Duration.ofMinutes(10), Duration.ofSeconds(60));

    public DockerOptions withImage(String value) {
        return new DockerOptions(value, dockerHost, keepContainer, revealPassword, pullTimeout, startupTimeout);
    }

    public DockerOptions withDockerHost(String value) {
        return new DockerOptions(image, value, keepContainer, revealPassword, pullTimeout, startupTimeout);
    }

    public DockerOptions withKeepContainer(boolean value) {
        return new DockerOptions(image, dockerHost, value, revealPassword, pullTimeout, startupTimeout);
    }
}
