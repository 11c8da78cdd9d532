package io.github.migrationprofiler.pass;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement as the migration tool sent it, kept so that it can be sent again on another
 * connection: its SQL, the values bound to it (Liquibase's {@code loadData} binds every row), the
 * batch it was part of, and whether the connection was in autocommit.
 *
 * @param sql        the SQL, or the statements of a plain batch joined
 * @param kind       how it was created
 * @param batch      a plain batch's statements; empty otherwise
 * @param bindings   a prepared statement's bound values, one list per batch entry (one entry when not batched)
 * @param method     the execute method called ({@code execute}, {@code executeUpdate}, {@code executeBatch}…)
 * @param autoCommit whether the connection was in autocommit when it ran
 * @param replayable {@code false} when a bound value cannot be sent twice (a stream, a LOB)
 * @param copyData   the data of a {@code COPY … FROM STDIN}; {@code null} otherwise
 */
record Execution(String sql, Kind kind, List<String> batch, List<List<Binding>> bindings, String method, boolean autoCommit,
                 boolean replayable, byte[] copyData) {

    enum Kind { PLAIN, PREPARED, CALLABLE, COPY }

    Execution(String sql, Kind kind, List<String> batch, List<List<Binding>> bindings, String method, boolean autoCommit,
              boolean replayable) {
        this(sql, kind, batch, bindings, method, autoCommit, replayable, null);
    }

    /** A {@code COPY … FROM STDIN} with its data; {@code null} data when it was not kept (it cannot be sent twice). */
    static Execution copy(String sql, byte[] data, boolean autoCommit) {
        return new Execution(sql, Kind.COPY, List.of(), List.of(), "copyIn", autoCommit, data != null, data);
    }

    /** A call that set a value or option on the statement ({@code setString(2, "x")}), to be made again. */
    record Binding(Method method, Object[] args) {
    }

    /**
     * Runs the statement again through {@code connection}.
     *
     * @return rows it changed, as the update counts say
     */
    long replay(Connection connection) throws SQLException {
        if (kind == Kind.COPY) {
            try {
                return new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql, new ByteArrayInputStream(copyData));
            } catch (IOException e) {
                throw new SQLException("COPY could not be sent again: " + e.getMessage(), e);
            }
        }
        try (Statement statement = switch (kind) {
            case COPY -> throw new IllegalStateException("a COPY is replayed above");
            case PLAIN -> connection.createStatement();
            case PREPARED -> connection.prepareStatement(sql);
            case CALLABLE -> connection.prepareCall(sql);
        }) {
            Object result;
            if (kind == Kind.PLAIN) {
                if (method.equals("executeBatch") || method.equals("executeLargeBatch")) {
                    for (String each : batch) {
                        statement.addBatch(each);
                    }
                    result = statement.executeBatch();
                } else {
                    result = statement.execute(sql) ? -1 : statement.getUpdateCount();
                }
            } else if (method.equals("executeBatch") || method.equals("executeLargeBatch")) {
                for (List<Binding> entry : bindings) {
                    bind(statement, entry);
                    ((PreparedStatement) statement).addBatch();
                }
                result = statement.executeBatch();
            } else {
                bind(statement, bindings.isEmpty() ? List.of() : bindings.get(0));
                result = ((PreparedStatement) statement).execute() ? -1 : statement.getUpdateCount();
            }
            return updateCount(result);
        }
    }

    private static void bind(Statement statement, List<Binding> entry) throws SQLException {
        for (Binding binding : entry) {
            try {
                binding.method().invoke(statement, binding.args());
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new SQLException(e);
            }
        }
    }

    /** Rows an execute method's result says were changed: an update count, or a batch's counts (negative ones are unknowns). */
    static long updateCount(Object result) {
        if (result instanceof int[] counts) {
            return Arrays.stream(counts).filter(c -> c > 0).asLongStream().sum();
        }
        if (result instanceof long[] counts) {
            return Arrays.stream(counts).filter(c -> c > 0).sum();
        }
        return result instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }

    /**
     * Follows one statement object: what is bound to it now, and the batch it builds. A value
     * stays bound until it is set again or cleared, as JDBC keeps it.
     */
    static final class Recorder {
        private final String preparedSql;
        private final Kind kind;
        private final Map<String, Binding> current = new LinkedHashMap<>();
        private final List<List<Binding>> batchBindings = new ArrayList<>();
        private final List<String> batch = new ArrayList<>();
        private boolean replayable = true;

        Recorder(String preparedSql, Kind kind) {
            this.preparedSql = preparedSql;
            this.kind = kind;
        }

        /** Notes a call made on the statement that is not an execution. */
        void called(Method method, Object[] args) {
            String name = method.getName();
            switch (name) {
                case "addBatch" -> {
                    if (args != null && args.length == 1) {
                        batch.add((String) args[0]);
                    } else {
                        batchBindings.add(List.copyOf(current.values()));
                    }
                }
                case "clearBatch" -> {
                    batch.clear();
                    batchBindings.clear();
                }
                case "clearParameters" -> current.keySet().removeIf(key -> key.startsWith("p:"));
                default -> {
                    if (name.startsWith("set") || name.equals("registerOutParameter")) {
                        // a parameter setter names its parameter and a value (setNull(2, Types.INTEGER)); an option has one argument
                        boolean indexed = args != null && args.length >= 2;
                        String key = !indexed ? "opt:" + name : name.startsWith("set") ? "p:" + args[0] : "out:" + args[0];
                        current.put(key, new Binding(method, args == null ? new Object[0] : args.clone()));
                        for (Object arg : args == null ? new Object[0] : args) {
                            if (arg instanceof InputStream || arg instanceof Reader || arg instanceof Blob
                                    || arg instanceof Clob || arg instanceof Array) {
                                replayable = false; // read once by the driver, or tied to the first connection
                            }
                        }
                    }
                }
            }
        }

        /**
         * The execution about to run, and resets what a batch execution consumes.
         *
         * @param sql the SQL passed to the execute method, or {@code null} (a prepared statement, a batch)
         */
        Execution executing(String method, String sql, boolean autoCommit) {
            boolean batched = method.equals("executeBatch") || method.equals("executeLargeBatch");
            List<List<Binding>> bindings = kind == Kind.PLAIN ? List.of()
                    : batched ? List.copyOf(batchBindings) : List.of(List.copyOf(current.values()));
            String text = sql != null ? sql : preparedSql != null ? preparedSql : String.join(";\n", batch);
            Execution execution = new Execution(text, kind, batched ? List.copyOf(batch) : List.of(), bindings, method, autoCommit,
                    replayable);
            if (batched) {
                batch.clear();
                batchBindings.clear();
            }
            return execution;
        }
    }
}
