package io.github.migrationprofiler.pass;

import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLWarning;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a JDBC connection so that every statement executed through it, by our SQL runner or by
 * Liquibase, is timed and counted. A dynamic proxy keeps this independent of who executes and of
 * the driver's classes; everything else is passed straight through.
 */
final class TracingConnection {

    private TracingConnection() {
    }

    static Connection wrap(Connection target, StatementObserver observer) {
        return proxy(Connection.class, target, (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && (args[0] == BaseConnection.class || args[0] == PGConnection.class)) {
                // the driver's own connection, for its copy API: its copies are traced too. Only for the
                // driver's types: unwrap(Connection.class) must not hand out a session that bypasses the tracing
                return TracedCopy.connection(target.unwrap(BaseConnection.class), target, observer);
            }
            boolean endsTransaction = endsTransaction(target, method, args);
            Object result = call(target, method, args);
            if (endsTransaction) {
                observer.transactionEnded();
            }
            return switch (method.getName()) {
                case "createStatement" -> traced(Statement.class, (Statement) result, null, Execution.Kind.PLAIN, target, observer);
                case "prepareStatement" -> traced(PreparedStatement.class, (Statement) result, (String) args[0],
                        Execution.Kind.PREPARED, target, observer);
                case "prepareCall" -> traced(CallableStatement.class, (Statement) result, (String) args[0],
                        Execution.Kind.CALLABLE, target, observer);
                default -> result;
            };
        });
    }

    /** commit(), rollback(), and switching autocommit on (which commits) end a transaction. */
    private static boolean endsTransaction(Connection target, Method method, Object[] args) throws SQLException {
        return switch (method.getName()) {
            case "commit" -> true;
            case "rollback" -> args == null || args.length == 0;
            case "setAutoCommit" -> Boolean.TRUE.equals(args[0]) && !target.isClosed() && !target.getAutoCommit();
            default -> false;
        };
    }

    private static <T extends Statement> T traced(Class<T> type, Statement target, String preparedSql, Execution.Kind kind,
                                                  Connection connection, StatementObserver observer) {
        Execution.Recorder recorder = new Execution.Recorder(preparedSql, kind);
        return proxy(type, target, (proxy, method, args) -> {
            String name = method.getName();
            if (!name.startsWith("execute")) {
                recorder.called(method, args);
                return call(target, method, args);
            }
            Execution execution = recorder.executing(name, args != null && args.length > 0 && args[0] instanceof String text ? text
                    : null, connection.getAutoCommit());
            String sql = execution.sql();
            observer.sending(execution);
            observer.starting(sql);
            long start = System.nanoTime();
            Object result;
            try {
                result = call(target, method, args);
            } catch (SQLException e) {
                observer.failed(sql, System.nanoTime() - start, e, debugMessages(target));
                throw e;
            }
            long nanos = System.nanoTime() - start;
            observer.executed(sql, nanos, rowsAffected(target, name, result), debugMessages(target));
            return result;
        });
    }

    /** The server's DEBUG messages (and trace_sort's, at LOG) for the statement just run: what it did (see {@link WorkNotices}). */
    private static List<String> debugMessages(Statement statement) {
        List<String> messages = new ArrayList<>();
        try {
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                if (w instanceof PSQLWarning psql && psql.getServerErrorMessage() != null
                        && String.valueOf(psql.getServerErrorMessage().getSeverity()).matches("DEBUG.*|LOG")) {
                    messages.add(psql.getServerErrorMessage().getMessage());
                }
            }
        } catch (SQLException e) {
            // a closed statement has nothing more to say
        }
        return messages;
    }

    private static long rowsAffected(Statement statement, String method, Object result) throws SQLException {
        if (method.equals("execute") && Boolean.FALSE.equals(result)) {
            return Math.max(0, statement.getUpdateCount());
        }
        return Execution.updateCount(result); // a query's ResultSet counts 0: it returns rows, it does not change them
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(TracingConnection.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
