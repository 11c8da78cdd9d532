package io.github.migrationprofiler.pass;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.CopyOperation;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code COPY … FROM STDIN} through the traced connection. Runners load inline data through the
 * driver's copy API (Flyway unwraps the connection to build a {@code CopyManager}; plain SQL
 * files do the same), which no statement passes through: the driver's own connection, its query
 * executor and the copy it starts are followed here, so the load is timed, watched and recorded
 * with its data, and replays load the same rows.
 */
final class TracedCopy {

    private TracedCopy() {
    }

    /** The driver's connection behind {@code connection}, whose copies are reported to {@code observer}. */
    static BaseConnection connection(BaseConnection driver, Connection connection, StatementObserver observer) {
        return proxy(BaseConnection.class, (proxy, method, args) -> switch (method.getName()) {
            case "getQueryExecutor" -> queryExecutor(driver.getQueryExecutor(), connection, observer);
            case "getCopyAPI" -> new CopyManager((BaseConnection) proxy);
            default -> call(driver, method, args);
        });
    }

    private static QueryExecutor queryExecutor(QueryExecutor executor, Connection connection, StatementObserver observer) {
        return proxy(QueryExecutor.class, (proxy, method, args) -> {
            if (!method.getName().equals("startCopy")) {
                return call(executor, method, args);
            }
            String sql = (String) args[0];
            boolean autoCommit = connection.getAutoCommit();
            observer.starting(sql); // the session is busy once the copy begins: it is watched from now
            long start = System.nanoTime();
            CopyOperation copy;
            try {
                copy = (CopyOperation) call(executor, method, args);
            } catch (SQLException e) {
                observer.failed(sql, System.nanoTime() - start, e, List.of());
                throw e;
            }
            return copy instanceof CopyIn in && !(copy instanceof CopyOut)
                    ? copyIn(in, sql, autoCommit, start, observer) : copy;
        });
    }

    /** Passes the data on, keeping a copy of it; the copy ends, or fails, as a statement does. */
    private static CopyIn copyIn(CopyIn in, String sql, boolean autoCommit, long start, StatementObserver observer) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean[] whole = {true};
        return proxy(CopyIn.class, (proxy, method, args) -> {
            try {
                switch (method.getName()) {
                    case "writeToCopy" -> {
                        if (args.length == 3) {
                            data.write((byte[]) args[0], (int) args[1], (int) args[2]);
                        } else {
                            whole[0] = false; // a ByteStreamWriter writes straight to the server: not kept, not replayable
                        }
                    }
                    case "endCopy" -> {
                        long rows = in.endCopy();
                        observer.sending(Execution.copy(sql, whole[0] ? data.toByteArray() : null, autoCommit));
                        observer.executed(sql, System.nanoTime() - start, rows, List.of());
                        return rows;
                    }
                    default -> {
                    }
                }
                return call(in, method, args);
            } catch (SQLException e) {
                observer.failed(sql, System.nanoTime() - start, e, List.of());
                throw e;
            }
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(TracedCopy.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
