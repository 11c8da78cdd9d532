package io.github.migrationprofiler.pass.traffic;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's report of a deadlock, in the pass's words: relations by name rather than oid, and
 * each process named for what it is here (the migration, or an application query). The server's
 * detail holds both sides: what each process waited for, who held it, and each one's statement.
 */
public final class Deadlocks {

    /** SQLSTATE deadlock_detected. */
    public static final String DETECTED = "40P01";

    private static final Pattern RELATION = Pattern.compile("relation (\\d+) of database \\d+");
    private static final Pattern PROCESS = Pattern.compile("\\b([Pp])rocess (\\d+)");

    private Deadlocks() {
    }

    static boolean is(SQLException e) {
        return DETECTED.equals(e.getSQLState());
    }

    /**
     * "The migration (process 754) waits for AccessExclusiveLock on public.payments; blocked by an
     * application query (process 755). …": the deadlock {@code e} reports, described.
     *
     * @param queries what each application process ran then, by pid ({@code null} when not known)
     * @param names a connection to the database where it happened, to name relations; its failure leaves oids
     */
    static String describe(SQLException e, int migrationPid, IntFunction<String> queries, Connection names) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String detail = server == null || server.getDetail() == null ? String.valueOf(e.getMessage()) : server.getDetail();
        StringBuilder named = new StringBuilder();
        Matcher relation = RELATION.matcher(detail);
        while (relation.find()) {
            relation.appendReplacement(named, Matcher.quoteReplacement(relationName(names, Long.parseLong(relation.group(1)))));
        }
        relation.appendTail(named);
        StringBuilder roles = new StringBuilder();
        Set<Integer> application = new LinkedHashSet<>();
        Matcher process = PROCESS.matcher(named);
        while (process.find()) {
            int pid = Integer.parseInt(process.group(2));
            boolean migration = pid == migrationPid;
            if (!migration) {
                application.add(pid);
            }
            String who = (migration ? "the migration" : "an application query") + " (process " + process.group(2) + ")";
            boolean sentenceStart = process.group(1).equals("P");
            process.appendReplacement(roles, Matcher.quoteReplacement(sentenceStart ? Character.toUpperCase(who.charAt(0)) + who.substring(1) : who));
        }
        process.appendTail(roles);
        for (int pid : application) {
            String sql = queries.apply(pid);
            if (sql != null) {
                roles.append(" The application query (process ").append(pid).append(") was: ").append(sql);
            }
        }
        return roles.toString().replace('\n', ' ');
    }

    private static String relationName(Connection names, long oid) {
        try (PreparedStatement s = names.prepareStatement("SELECT ?::oid::regclass::text")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "relation " + oid;
            }
        } catch (SQLException e) {
            return "relation " + oid;
        }
    }
}
