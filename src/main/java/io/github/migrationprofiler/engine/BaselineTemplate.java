package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.catalog.Roles;
import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded baseline kept as a template database on a server that outlives the build, so later
 * runs copy it ({@code CREATE DATABASE … TEMPLATE}, a fraction of a second) instead of applying
 * and seeding the baseline again. Its name carries a fingerprint of what it holds; it is marked
 * with a comment, and only databases so named and marked are ever reused.
 */
public final class BaselineTemplate {

    public static final String PREFIX = "test_migration_tpl_";
    static final String MARK = "migration-profiler baseline template";
    /** The templates kept on one server, all together; beyond it the least recently used are dropped. */
    static final long KEPT_BYTES = 4L << 30;
    private static final Pattern BUILT = Pattern.compile("built in (\\d+) ms");

    /** The template a run copies: its name, whether it was there already, how long building it took. */
    public record Copy(String name, boolean hit, long buildMillis) {
    }

    /** Fills a new template database: applies the baseline and seeds it. */
    @FunctionalInterface
    public interface Builder {
        void build(ScratchDatabase template) throws SQLException;
    }

    private BaselineTemplate() {
    }

    /**
     * The template named for {@code fingerprint}, built first if this server does not hold it yet
     * (a cache miss) and copied otherwise (a hit). The templates beyond {@link #KEPT_BYTES}, least
     * recently used first, are dropped after.
     */
    public static Copy ensure(PostgresServer server, String fingerprint, Builder builder, ProfilerLog log) {
        String name = PREFIX + fingerprint;
        Optional<String> comment = comment(server, name);
        if (comment.isPresent()) {
            Matcher built = BUILT.matcher(comment.get());
            long builtMillis = built.find() ? Long.parseLong(built.group(1)) : 0;
            log.info("Baseline: cache hit, copying template database " + name
                    + (builtMillis > 0 ? " (building it took " + Durations.spoken(builtMillis) + ")" : ""));
            mark(server, name, builtMillis);
            return new Copy(name, true, builtMillis);
        }
        log.info("Baseline: cache miss, building template database " + name + " (later runs with the same baseline and scale copy it)");
        long start = System.nanoTime();
        ScratchDatabase template = ScratchDatabase.create(server, log, name, null);
        try {
            builder.build(template);
            try (Connection admin = server.connect(name); Statement s = admin.createStatement()) {
                // a run that stopped before a changeset leaves Liquibase's lock taken; copies must not wait for it
                s.execute("DO $$ BEGIN IF to_regclass('databasechangeloglock') IS NOT NULL THEN "
                        + "UPDATE databasechangeloglock SET locked = false, lockgranted = NULL, lockedby = NULL; END IF; END $$");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            mark(server, name, millis);
            log.info("Baseline: built " + name + " in " + Durations.spoken(millis));
            prune(server, name, log);
            return new Copy(name, false, millis);
        } catch (SQLException | RuntimeException e) {
            template.close(); // half-built: drop it, the next run builds it again
            if (e instanceof ProfilerException p) {
                throw p;
            }
            throw new ProfilerException("Cannot build baseline template " + name + ": " + ProfilerException.rootMessage(e), e);
        }
    }

    /** Marks the template as ours, with how long it took to build and when it was last used (for pruning). */
    private static void mark(PostgresServer server, String name, long builtMillis) {
        try (Connection admin = server.connect(server.maintenanceDatabase()); Statement s = admin.createStatement()) {
            s.execute("COMMENT ON DATABASE " + name + " IS '" + MARK + "; built in " + builtMillis + " ms; used " + Instant.now() + "'");
        } catch (SQLException e) {
            throw new ProfilerException("Cannot mark baseline template " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the least recently used templates while all of them together are over {@link #KEPT_BYTES}; never {@code current}. */
    private static void prune(PostgresServer server, String current, ProfilerLog log) {
        try (Connection admin = server.connect(server.maintenanceDatabase()); Statement s = admin.createStatement()) {
            List<String> oldestLast = new ArrayList<>();
            Map<String, Long> sizes = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT datname, pg_database_size(oid) FROM pg_database "
                    + "WHERE datname LIKE 'test\\_migration\\_tpl\\_%' AND shobj_description(oid, 'pg_database') LIKE '" + MARK + "%' "
                    + "ORDER BY substring(shobj_description(oid, 'pg_database') from 'used (.*)$') DESC")) {
                while (rs.next()) {
                    oldestLast.add(rs.getString(1));
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
            long total = 0;
            for (String template : oldestLast) {
                total += sizes.get(template);
                if (total > KEPT_BYTES && !template.equals(current)) {
                    s.execute("DROP DATABASE IF EXISTS " + template);
                    log.info("Baseline: dropped template database " + template + ", the least recently used beyond "
                            + (KEPT_BYTES >> 30) + " GB of templates");
                }
            }
        } catch (SQLException e) {
            log.debug("Baseline templates were not pruned: " + e.getMessage()); // one in use by another run is kept
        }
    }

    /** The template's comment, when a database of this name exists; one not marked as ours fails. */
    private static Optional<String> comment(PostgresServer server, String name) {
        try (Connection admin = server.connect(server.maintenanceDatabase())) {
            Optional<String> comment = Roles.databaseComment(admin, name);
            if (comment.isPresent() && !comment.get().startsWith(MARK)) {
                throw new ProfilerException("Database " + name + " exists but is not marked as a migration-profiler baseline "
                        + "template; the profiler will not use or replace it. Drop or rename it.");
            }
            return comment;
        } catch (SQLException e) {
            throw new ProfilerException("Cannot look for baseline template " + name + ": " + e.getMessage(), e);
        }
    }
}
