package io.github.migrationprofiler.maven;

import io.github.migrationprofiler.config.Credentials;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCredentialsTest {

    /** Settings.xml passwords in clear text decrypt to themselves, as in Maven. */
    private static final SettingsDecrypter CLEAR_TEXT = request -> new SettingsDecryptionResult() {
        @Override public Server getServer() { return request.getServers().get(0); }
        @Override public List<Server> getServers() { return request.getServers(); }
        @Override public org.apache.maven.settings.Proxy getProxy() { return null; }
        @Override public List<org.apache.maven.settings.Proxy> getProxies() { return List.of(); }
        @Override public List<SettingsProblem> getProblems() { return List.of(); }
    };

    @Test
    void settingsServerWinsOverEverythingElse() throws MojoExecutionException {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("staging-clone");
        server.setUsername("profiler");
        server.setPassword("from-settings");
        settings.addServer(server);

        Credentials credentials = ServerCredentials.resolve("staging-clone", settings, CLEAR_TEXT, "param-user",
                Map.of(ServerCredentials.PASSWORD_ENV, "from-env"));

        assertThat(credentials).isEqualTo(new Credentials("profiler", "from-settings"));
        assertThat(credentials.toString()).doesNotContain("from-settings").contains("****");
    }

    @Test
    void userParameterAndPasswordFromTheEnvironment() throws MojoExecutionException {
        Map<String, String> env = Map.of(ServerCredentials.USERNAME_ENV, "env-user", ServerCredentials.PASSWORD_ENV, "env-pw");

        assertThat(ServerCredentials.resolve(null, new Settings(), CLEAR_TEXT, "param-user", env))
                .isEqualTo(new Credentials("param-user", "env-pw"));
        assertThat(ServerCredentials.resolve(" ", new Settings(), CLEAR_TEXT, null, Map.of()))
                .isEqualTo(new Credentials(null, null));
    }

    @Test
    void unknownServerIdIsAClearError() {
        assertThatThrownBy(() -> ServerCredentials.resolve("nope", new Settings(), CLEAR_TEXT, null, Map.of()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("No <server> with id 'nope' in settings.xml");
    }
}
