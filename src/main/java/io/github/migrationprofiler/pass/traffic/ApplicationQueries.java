package io.github.migrationprofiler.pass.traffic;

import io.github.migrationprofiler.catalog.Keys;
import io.github.migrationprofiler.source.SqlSplitter;
import io.github.migrationprofiler.source.SqlStatement;
import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's own queries for the traffic pass, from a SQL file: statements separated by
 * semicolons, each with at most one {@code :key(table)} where an existing primary key of that
 * table goes, e.g. {@code SELECT * FROM orders WHERE id = :key(orders);}. They replace the
 * generated reads, updates and inserts.
 */
final class ApplicationQueries {

    private static final Pattern KEY = Pattern.compile(":key\\(\\s*([^)\\s]+)\\s*\\)");

    private ApplicationQueries() {
    }

    static List<Template> read(Path file, Connection connection) throws SQLException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProfilerException("Cannot read the traffic queries " + file + " (migration-profiler.trafficQueries): " + e.getMessage());
        }
        List<Template> templates = new ArrayList<>();
        for (SqlStatement statement : SqlSplitter.split(text)) {
            String sql = statement.sql().strip();
            Matcher key = KEY.matcher(sql);
            if (!key.find()) {
                throw new ProfilerException(file + ", line " + statement.line() + ": a traffic query needs a :key(table) where an "
                        + "existing key goes, e.g. SELECT * FROM orders WHERE id = :key(orders)");
            }
            String named = key.group(1);
            if (key.find()) {
                throw new ProfilerException(file + ", line " + statement.line() + ": one :key(table) per traffic query");
            }
            // named as the catalog names it, so the tables queried match the tables the migration locked
            String table = Keys.qualified(connection, named);
            if (table == null) {
                throw new ProfilerException(file + ", line " + statement.line() + ": there is no table " + named
                        + " before the migration to draw keys from");
            }
            List<Object> keys = TableQueries.keysOf(connection, table);
            if (keys.isEmpty()) {
                throw new ProfilerException(file + ", line " + statement.line() + ": " + table + " has no rows or no single-column "
                        + "primary key to draw keys from");
            }
            templates.add(new Template(table, KEY.matcher(sql).replaceFirst("?"), keys,
                    !sql.regionMatches(true, 0, "SELECT", 0, 6) && !sql.regionMatches(true, 0, "WITH", 0, 4), false));
        }
        if (templates.isEmpty()) {
            throw new ProfilerException("The traffic queries " + file + " hold no statement");
        }
        return templates;
    }
}
