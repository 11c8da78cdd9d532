package io.github.migrationprofiler.source;

import java.sql.SQLException;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A data source that hands out one connection, every time, and that its users cannot close: a
 * migration tool that opens several connections (Flyway: one for its history, one for the
 * migrations, one for callbacks) then sends everything on the session the pass watches.
 */
final class OneConnection implements DataSource {

    private static final String VERSION = "SELECT version()";

    private final Connection shared;

    OneConnection(Connection connection) {
        this.shared = (Connection) Proxy.newProxyInstance(OneConnection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null; // the pass closes it, when the run is over
                    }
                    // Flyway asks the server's version whenever it looks at a connection, in the middle of a
                    // migration too: that is Flyway looking, not the migration, so it goes past the tracing
                    boolean flywayLooking = method.getName().equals("prepareStatement") && VERSION.equals(args[0]);
                    try {
                        return method.invoke(flywayLooking ? connection.unwrap(PGConnection.class) : connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() {
        return shared;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return shared;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
