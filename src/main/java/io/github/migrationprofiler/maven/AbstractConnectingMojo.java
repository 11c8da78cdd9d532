package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.Credentials;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The goals that may reach an existing PostgreSQL server, and how they find it and its credentials. */
abstract class AbstractConnectingMojo extends AbstractProfilerMojo {

    /**
     * JDBC URL of an existing server, e.g. {@code jdbc:postgresql://localhost:5432/postgres}. For
     * {@code profile} and {@code seed} it is where the run creates and drops its own database
     * ({@code test_migration_<timestamp>_<random>}), touching no other; for {@code stats}, the
     * production (or staging) server whose statistics are read.
     */
    @Parameter(property = "migration-profiler.jdbcUrl")
    String jdbcUrl;

    /** Id of a {@code settings.xml} {@code <server>} holding the server's username and password. */
    @Parameter(property = "migration-profiler.serverId")
    String serverId;

    /** User, when no {@code serverId} is set (also env {@code MIGRATION_PROFILER_USERNAME}). */
    @Parameter(property = "migration-profiler.username")
    String username;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    /**
     * The server's credentials, first match wins: settings.xml server, then the user name parameter
     * and the environment. The password is no goal parameter: {@code mvn -X} prints every parameter's value.
     */
    Credentials credentials() throws MojoExecutionException {
        if (System.getProperty(ServerCredentials.PASSWORD_PROPERTY) != null) {
            throw new MojoExecutionException(ServerCredentials.PASSWORD_PROPERTY + " is not read: Maven prints goal parameters in "
                    + "its debug output (-X). Give the password in a settings.xml <server> (migration-profiler.serverId) or in "
                    + "the environment variable " + ServerCredentials.PASSWORD_ENV + ".");
        }
        return ServerCredentials.resolve(serverId, settings, decrypter, username, System.getenv());
    }
}
