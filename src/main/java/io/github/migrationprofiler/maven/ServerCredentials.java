package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.Credentials;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.util.Map;

/**
 * Finds credentials for an external server, first match wins: a {@code settings.xml}
 * {@code <server>} (decrypted), then the goal's username parameter and the environment
 * ({@code MIGRATION_PROFILER_USERNAME}, {@code MIGRATION_PROFILER_PASSWORD}).
 */
final class ServerCredentials {

    static final String USERNAME_ENV = "MIGRATION_PROFILER_USERNAME";
    static final String PASSWORD_ENV = "MIGRATION_PROFILER_PASSWORD";
    /** The goal parameter of earlier versions, refused now: Maven's -X output would show it. */
    static final String PASSWORD_PROPERTY = "migration-profiler.password";

    private ServerCredentials() {
    }

    static Credentials resolve(String serverId, Settings settings, SettingsDecrypter decrypter,
                               String username, Map<String, String> env) throws MojoExecutionException {
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("No <server> with id '" + serverId + "' in settings.xml "
                        + "(named by migration-profiler.serverId). Add one with <username> and <password>.");
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoExecutionException("Cannot decrypt the password of server '" + serverId + "': " + problem.getMessage());
                }
            }
            Server clear = decrypted.getServer();
            return new Credentials(clear.getUsername(), clear.getPassword());
        }
        return new Credentials(
                firstNonBlank(username, env.get(USERNAME_ENV)),
                firstNonBlank(env.get(PASSWORD_ENV), null)); // the one place a password may come from besides settings.xml
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
