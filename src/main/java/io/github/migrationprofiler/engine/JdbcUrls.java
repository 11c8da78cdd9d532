package io.github.migrationprofiler.engine;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and rewriting PostgreSQL JDBC URLs ({@code jdbc:postgresql://host[:port][/database][?params]}). */
final class JdbcUrls {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&]password=)[^&]*");

    private JdbcUrls() {
    }

    /** The same server and parameters, another database. */
    static String withDatabase(String url, String database) {
        Matcher m = parse(url);
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** The database the URL names, or {@code postgres} when it names none. */
    static String database(String url) {
        Matcher m = parse(url);
        return m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
    }

    /** The URL with any password parameter masked, for messages. */
    static String redact(String url) {
        return PASSWORD.matcher(url).replaceAll("$1****");
    }

    private static Matcher parse(String url) {
        Matcher m = URL.matcher(url == null ? "" : url.strip());
        if (!m.matches()) {
            throw new ProfilerException("migration-profiler.jdbcUrl must look like jdbc:postgresql://host:5432/postgres, got: "
                    + (url == null ? "nothing" : redact(url)));
        }
        return m;
    }
}
