package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.catalog.Roles;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database one run works in, named {@code test_migration_<yyyyMMdd_HHmmss>_<random>} and
 * dropped when the run ends. It drops only the database it created itself.
 */
public final class ScratchDatabase implements AutoCloseable {

    static final String PREFIX = "test_migration_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Marks a scratch database with the run that owns it, so a later run can tell one left by a killed run. */
    static final String MARK = "migration-profiler scratch database of ";
    private static final Pattern MARKED = Pattern.compile(Pattern.quote(MARK) + "(\\S+) from (\\S+)");
    /** A database left by a run on another host is dropped once it is this old and nobody is connected. */
    static final Duration ABANDONED = Duration.ofHours(24);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final PostgresServer server;
    private final String name;
    private final ProfilerLog log;
    private boolean dropped;

    private ScratchDatabase(PostgresServer server, String name, ProfilerLog log) {
        this.server = server;
        this.name = name;
        this.log = log;
    }

    public static ScratchDatabase create(PostgresServer server, ProfilerLog log) {
        return create(server, log, null);
    }

    /** A scratch database copied from {@code template} (a baseline template), or empty when it is {@code null}. */
    public static ScratchDatabase create(PostgresServer server, ProfilerLog log, String template) {
        return create(server, log, newName(Clock.systemUTC(), new SecureRandom()), template);
    }

    static ScratchDatabase create(PostgresServer server, ProfilerLog log, String name, String template) {
        try (Connection admin = server.connect(server.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            Roles.CurrentUser user = Roles.currentUser(admin);
            if (!user.createsDatabases()) {
                throw new ProfilerException("User '" + user.name() + "' may not create databases on " + server
                        + ". The profiler works in a database of its own: grant CREATEDB (ALTER ROLE "
                        + user.name() + " CREATEDB) or use a disposable server.");
            }
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template + strategy(admin)));
            statement.execute("COMMENT ON DATABASE " + name + " IS '" + MARK + Owner.current() + " from " + Instant.now() + "'");
        } catch (SQLException e) {
            throw new ProfilerException("Cannot create scratch database " + name + " on " + server + ": " + e.getMessage(), e);
        }
        log.info("Scratch database: " + name + (template == null ? "" : " (a copy of " + template + ")"));
        return new ScratchDatabase(server, name, log);
    }

    /**
     * How a copy is made: from PostgreSQL 15 on, file by file rather than block by block through
     * the write-ahead log (15's default). A seeded database is hundreds of tables: 539 MB of them
     * copied in 1.3–1.9 s against 2.7–3.6 s, and the copy starts checkpointed.
     */
    private static String strategy(Connection admin) throws SQLException {
        return admin.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY FILE_COPY" : "";
    }

    /**
     * Drops the scratch databases of runs that are gone, marked as ours ({@link #MARK}): those of
     * a process of this host that no longer runs, with whatever sessions it left (a statement the
     * killed run started runs on), and, when the run was on another host, those older than
     * {@link #ABANDONED} that nobody is connected to. Another live run's database is never touched.
     */
    static void removeLeftovers(PostgresServer server, ProfilerLog log) {
        try (Connection admin = server.connect(server.maintenanceDatabase()); Statement s = admin.createStatement()) {
            Map<String, Boolean> leftovers = new LinkedHashMap<>(); // name → whether sessions are left to end
            try (ResultSet rs = s.executeQuery("SELECT d.datname, shobj_description(d.oid, 'pg_database'), "
                    + "EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid) FROM pg_database d "
                    + "WHERE d.datname LIKE 'test\\_migration\\_%'")) {
                while (rs.next()) {
                    Matcher mark = rs.getString(2) == null ? null : MARKED.matcher(rs.getString(2));
                    if (mark != null && mark.matches() && (Owner.goneProcess(mark.group(1)) >= 0
                            || !rs.getBoolean(3) && abandoned(mark.group(2)))) {
                        leftovers.put(rs.getString(1), rs.getBoolean(3));
                    }
                }
            }
            for (Map.Entry<String, Boolean> leftover : leftovers.entrySet()) {
                ScratchDatabase database = new ScratchDatabase(server, leftover.getKey(), log);
                database.drop();
                log.info("Dropped scratch database " + leftover.getKey() + " left by a run that is gone"
                        + (leftover.getValue() ? ", ending the sessions it left running" : ""));
            }
        } catch (SQLException e) {
            log.warn("Could not look for scratch databases left by killed runs on " + server + " (" + e.getMessage()
                    + "): any left stay; they are named test_migration_… and carry this plugin's comment");
        }
    }

    private static boolean abandoned(String created) {
        try {
            return Instant.parse(created).isBefore(Instant.now().minus(ABANDONED));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String newName(Clock clock, RandomGenerator random) {
        StringBuilder name = new StringBuilder(PREFIX).append(STAMP.format(clock.instant())).append('_');
        for (int i = 0; i < 6; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /**
     * Drops the database, ending any session still in it (the migration's, on Ctrl-C). A backend
     * that takes longer than the server's few seconds to end (one busy in a long sort) makes the
     * drop fail once; it is tried again before the run gives up and says how to drop it by hand.
     */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        SQLException last = null;
        for (int attempt = 0; attempt < 3 && !dropped; attempt++) {
            try {
                drop();
                dropped = true;
                log.info("Dropped scratch database " + name);
            } catch (SQLException e) {
                last = e;
                pause(attempt);
            }
        }
        if (!dropped && server.gone()) {
            log.debug("Scratch database " + name + " went with its server");
            dropped = true;
        }
        if (!dropped) {
            throw new ProfilerException("Could not drop scratch database " + name + " on " + server
                    + ": " + last.getMessage() + ". Drop it by hand: DROP DATABASE " + name + ";", last);
        }
    }

    private void drop() throws SQLException {
        try (Connection admin = server.connect(server.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            if (admin.getMetaData().getDatabaseMajorVersion() >= 13) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "scratch database " + name;
    }
}
