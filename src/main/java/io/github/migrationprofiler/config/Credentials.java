package io.github.migrationprofiler.config;

/** A user name and password for an external server. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {

    public static final Credentials NONE = new Credentials(null, null);

    public boolean isEmpty() {
        return username == null && password == null;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (password == null ? "<none>" : "****") + "]";
    }
}
