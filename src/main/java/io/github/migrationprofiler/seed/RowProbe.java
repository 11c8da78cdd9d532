package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.catalog.Check;
import io.github.migrationprofiler.catalog.Column;
import io.github.migrationprofiler.catalog.Expressions;
import io.github.migrationprofiler.catalog.Quoting;
import io.github.migrationprofiler.catalog.Table;
import io.github.migrationprofiler.support.ProfilerLog;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets the database judge generated rows before the real load: a sample is copied into a
 * temporary copy of the table that carries the constraints of the final schema (NOT NULL, CHECKs,
 * generated columns), inside a transaction that is rolled back. The first constraint a row breaks
 * is returned, with the columns it reads, so the seeder can write those differently or give up
 * on the table with a reason. Checks the generator reads itself are here too: this is what
 * catches the forms it does not understand.
 */
final class RowProbe {

    /** Types the generator writes without help; a table with others is tested by the database first. */
    private static final Set<String> PLAIN_TYPES = Set.of("int2", "int4", "int8", "numeric", "float4", "float8", "bool", "text",
            "varchar", "bpchar", "citext", "name", "uuid", "date", "timestamp", "timestamptz", "json", "jsonb", "bytea");

    /**
     * The table's values, with the context {@code context} gives for the columns written as NULL
     * or left to their default; when the database rejects sample rows, the columns of the broken
     * constraint are written so where the schema allows, and tried again.
     */
    static TableValues fitted(Connection connection, Table table, long requested,
                              Function<Map<String, TableValues.Override>, TableValues.Context> context, ProfilerLog log) throws SQLException {
        Map<String, TableValues.Override> overrides = new HashMap<>();
        CheckBranches.Choice branches = CheckBranches.choose(table);
        branches.nulls().forEach(column -> overrides.put(column, TableValues.Override.NULL));
        Table shaped = new Table(table.oid(), table.name(), table.columns(), table.uniqueKeys(), table.foreignKeys(),
                branches.checks(), table.partitionKey(), table.partitionBounds(), table.indexes());
        boolean probe = needed(table);
        for (int attempt = 0; ; attempt++) {
            TableValues values = TableValues.build(shaped, requested, context.apply(overrides));
            if (!probe || values.rows() == 0) {
                return values;
            }
            Optional<Violation> violation = test(connection, table, values);
            if (violation.isEmpty()) {
                return values;
            }
            String column = attempt > table.columns().size() ? null : repairable(table, violation.get(), overrides);
            if (column == null) {
                throw new SeedException("generated rows break " + violation.get().describe());
            }
            boolean nullable = table.column(column).map(c -> !c.notNull()).orElse(false);
            overrides.put(column, nullable ? TableValues.Override.NULL : TableValues.Override.DEFAULT);
            log.debug("Seeding " + table.name() + ": " + violation.get().describe() + "; writing " + column
                    + (nullable ? " as NULL" : " as its default"));
        }
    }

    /** A column of the broken constraint that may be NULL or has a default, last ones first; {@code null} when none. */
    private static String repairable(Table table, Violation violation, Map<String, TableValues.Override> overrides) {
        List<String> candidates = new ArrayList<>();
        for (String name : violation.columns()) {
            Column column = table.column(name).orElse(null);
            if (column != null && column.generated() && column.expression() != null) {
                candidates.addAll(Expressions.identifiers(column.expression())); // fix what the generated column is computed from
            } else {
                candidates.add(name);
            }
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Column column = table.column(candidates.get(i)).orElse(null);
            if (column != null && !column.generated() && !overrides.containsKey(column.name())
                    && (!column.notNull() || column.hasDefault() && !column.autoKey())) {
                return column.name();
            }
        }
        return null;
    }

    /** Whether the database must test the table's rows first: checks, generated columns, or types the generator writes blind. */
    static boolean needed(Table table) {
        return !table.checks().isEmpty() || table.columns().stream().anyMatch(c -> c.generated() || !c.checks().isEmpty()
                || !c.type().isEnum() && !PLAIN_TYPES.contains(c.type().name()));
    }

    /** A constraint a generated row broke. */
    record Violation(String constraint, List<String> columns, String message) {
        String describe() {
            return (constraint == null ? "" : "constraint " + constraint + ": ") + message;
        }
    }

    private static final Pattern COPY_COLUMN = Pattern.compile("column (\"[^\"]*(?:\"\"[^\"]*)*\"|[^:]+):");
    private static final int SAMPLE = 64;

    private RowProbe() {
    }

    static Optional<Violation> test(Connection connection, Table table, TableValues values) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE migration_profiler_probe (LIKE " + table.name()
                    + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS) ON COMMIT DROP");
            for (Column column : table.columns()) {
                if (column.notNull() && !column.generated()) {
                    s.execute("ALTER TABLE migration_profiler_probe ALTER COLUMN " + Quoting.identifier(column.name()) + " SET NOT NULL");
                }
            }
            for (Check check : table.checks()) {
                Savepoint before = connection.setSavepoint();
                try {
                    s.execute("ALTER TABLE migration_profiler_probe ADD CONSTRAINT " + Quoting.identifier(check.name()) + " "
                            + check.enforced());
                    connection.releaseSavepoint(before);
                } catch (SQLException alreadyThereOrNotYetPossible) {
                    connection.rollback(before); // copied by LIKE, or it calls a function a later migration creates
                }
            }
            CopyLoader.copyRows(connection, "migration_profiler_probe", values, sample(values.rows()));
            return Optional.empty();
        } catch (PSQLException e) {
            return Optional.of(violation(table, e));
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The first rows, and rows spread over the rest: unique columns and skew depend on the row number. */
    private static long[] sample(long rows) {
        int n = (int) Math.min(rows, 2L * SAMPLE);
        long[] sample = new long[n];
        for (int i = 0; i < n; i++) {
            sample[i] = i < SAMPLE || rows <= 2L * SAMPLE ? i : SAMPLE + (rows - SAMPLE) * (i - SAMPLE) / SAMPLE;
        }
        return sample;
    }

    private static Violation violation(Table table, PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null) {
            return new Violation(null, List.of(), e.getMessage());
        }
        List<String> columns = new ArrayList<>();
        if (server.getColumn() != null) {
            columns.add(server.getColumn());
        }
        String constraint = server.getConstraint();
        if (constraint != null) {
            table.checks().stream().filter(c -> c.name().equals(constraint)).findFirst()
                    .ifPresent(c -> c.columns().stream().filter(col -> !columns.contains(col)).forEach(columns::add));
        }
        Matcher where = COPY_COLUMN.matcher(server.getWhere() == null ? "" : server.getWhere());
        if (where.find()) {
            String column = where.group(1).strip();
            column = column.startsWith("\"") ? column.substring(1, column.length() - 1).replace("\"\"", "\"") : column;
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return new Violation(constraint, columns, server.getMessage());
    }
}
