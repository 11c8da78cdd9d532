package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.catalog.Roles;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A seeded baseline kept as a template database on a server that outlives the build, so later
 * runs copy it ({@code CREATE DATABASE … TEMPLATE}, a fraction of a second) instead of applying
 * and seeding the baseline again. Its name carries a fingerprint of what it holds; it is marked
 * with a comment, and only databases so named and marked are ever reused.
 */
public final class BaselineTemplate {

    public static final String PREFIX = "test_migration_tpl_";
    static final String MARK = "migration-profiler baseline template";

    /** Fills a new template database: applies the baseline and seeds it. */
    @FunctionalInterface
    public interface Builder {
        void build(ScratchDatabase template) throws SQLException;
    }

    private BaselineTemplate() {
    }

    /** The template named for {@code fingerprint}, built first if this server does not hold it yet. */
    public static String ensure(PostgresServer server, String fingerprint, Builder builder, ProfilerLog log) {
        String name = PREFIX + fingerprint;
        if (exists(server, name)) {
            log.info("Baseline: reusing template database " + name);
            return name;
        }
        log.info("Baseline: building template database " + name + " (later runs with the same baseline and scale copy it)");
        ScratchDatabase template = ScratchDatabase.create(server, log, name, null);
        try {
            builder.build(template);
            try (Connection admin = server.connect(name); Statement s = admin.createStatement()) {
                // a run that stopped before a changeset leaves Liquibase's lock taken; copies must not wait for it
                s.execute("DO $$ BEGIN IF to_regclass('databasechangeloglock') IS NOT NULL THEN "
                        + "UPDATE databasechangeloglock SET locked = false, lockgranted = NULL, lockedby = NULL; END IF; END $$");
                s.execute("COMMENT ON DATABASE " + name + " IS '" + MARK + "'");
            }
            return name;
        } catch (SQLException | RuntimeException e) {
            template.close(); // half-built: drop it, the next run builds it again
            if (e instanceof ProfilerException p) {
                throw p;
            }
            throw new ProfilerException("Cannot build baseline template " + name + ": " + ProfilerException.rootMessage(e), e);
        }
    }

    private static boolean exists(PostgresServer server, String name) {
        try (Connection admin = server.connect(server.maintenanceDatabase())) {
            Optional<String> comment = Roles.databaseComment(admin, name);
            if (comment.isPresent() && !MARK.equals(comment.get())) {
                throw new ProfilerException("Database " + name + " exists but is not marked as a migration-profiler baseline "
                        + "template; the profiler will not use or replace it. Drop or rename it.");
            }
            return comment.isPresent();
        } catch (SQLException e) {
            throw new ProfilerException("Cannot look for baseline template " + name + ": " + e.getMessage(), e);
        }
    }
}
