package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.catalog.Constraints;
import io.github.migrationprofiler.catalog.Relations;
import io.github.migrationprofiler.result.Work;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what PostgreSQL says it did, from the DEBUG1 messages a statement sends when
 * {@code client_min_messages = debug1}: whether SET NOT NULL or a new CHECK scanned the table or
 * was proved by a constraint, whether a foreign key was validated, which indexes were built,
 * which tables rewritten. These messages are not translated ({@code errmsg_internal}), so they
 * read the same on every server.
 */
final class WorkNotices {

    /** Switches the messages on for the migration's session; set again before each measured statement. */
    static final String ENABLE = "set_config('client_min_messages', 'debug1', false), "
            // trace_sort (where the server has it) says how much memory each index build's sort needed
            + "(SELECT set_config('trace_sort', 'on', false) FROM pg_settings WHERE name = 'trace_sort')";

    private static final Pattern VERIFYING = Pattern.compile("verifying table \"(.+)\"");
    private static final Pattern REWRITING = Pattern.compile("rewriting table \"(.+)\"");
    private static final Pattern BUILDING = Pattern.compile("building index \"(.+)\" on table \"(.+)\" (serially|with request for .*)");
    private static final Pattern VALIDATING_FK = Pattern.compile("validating foreign key constraint \"(.+)\"");
    private static final Pattern SORT_BEGIN = Pattern.compile("begin index sort: .*workMem = (\\d+).*");
    private static final Pattern SORT_END = Pattern.compile("(internal|external) sort (?:of worker -?\\d+ )?ended, (\\d+) (KB used|disk blocks used).*");
    private static final Pattern PROVEN = Pattern.compile("existing constraints on column \"(.+)\\.(.+)\" are sufficient to prove .*");
    private static final Pattern ALTERED = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?(?:\"?[^\\s.\"]+\"?\\.)?\"?([^\\s\"]+)\"?.*");

    private WorkNotices() {
    }

    /**
     * @param messages  the statement's DEBUG messages, in order
     * @param relations the relations as they are now (or as they were, when the statement failed)
     * @param locked    the relations the statement was seen to lock, preferred when a name is ambiguous
     * @param live      a connection that can still query (the statement succeeded), or {@code null}
     */
    static List<Work> read(List<String> messages, Relations relations, Collection<String> locked, String sql, Connection live) {
        List<Work> work = new ArrayList<>();
        long limitKb = 0;
        for (String message : messages) {
            Matcher m;
            if ((m = VERIFYING.matcher(message)).matches()) {
                add(work, Work.Kind.SCAN, relations.qualify(m.group(1), locked), null);
            } else if ((m = REWRITING.matcher(message)).matches()) {
                add(work, Work.Kind.REWRITE, relations.qualify(m.group(1), locked), null);
            } else if ((m = BUILDING.matcher(message)).matches() && !m.group(2).startsWith("pg_toast_")) {
                add(work, Work.Kind.INDEX_BUILD, relations.qualify(m.group(2), locked), m.group(1));
                // a parallel build's workers always hand their sorted runs over in temporary files:
                // its trace says nothing about whether a serial sort would fit in memory
                limitKb = m.group(3).equals("serially") ? 0 : -1;
            } else if ((m = VALIDATING_FK.matcher(message)).matches()) {
                String constraint = m.group(1);
                ForeignKey key = foreignKey(constraint, relations, locked, sql, live);
                key.table().map(t -> new Work(Work.Kind.FOREIGN_KEY_VALIDATION, t, constraint, null, key.references()))
                        .filter(w -> !work.contains(w)).ifPresent(work::add);
            } else if ((m = PROVEN.matcher(message)).matches()) {
                add(work, Work.Kind.NOT_NULL_PROVEN, relations.qualify(m.group(1), locked), m.group(2));
            } else if ((m = SORT_BEGIN.matcher(message)).matches() && limitKb >= 0) {
                limitKb = Long.parseLong(m.group(1));
            } else if ((m = SORT_END.matcher(message)).matches() && limitKb > 0) {
                sorted(work, limitKb, m.group(1).equals("external"), Long.parseLong(m.group(2)) * (m.group(3).startsWith("KB") ? 1 : 8));
            }
        }
        return work;
    }

    /** Gives the last index build its sort, or adds to the sort it has (a rewrite rebuilds several indexes, each sorting). */
    private static void sorted(List<Work> work, long limitKb, boolean external, long kb) {
        for (int i = work.size() - 1; i >= 0; i--) {
            Work build = work.get(i);
            if (build.kind() == Work.Kind.INDEX_BUILD) {
                Work.Sort before = build.sort();
                work.set(i, build.withSort(before == null ? new Work.Sort(kb, limitKb, external)
                        : new Work.Sort(before.memoryKb() + kb, limitKb, before.external() || external)));
                return;
            }
        }
    }

    private static void add(List<Work> work, Work.Kind kind, Optional<String> table, String object) {
        table.map(t -> new Work(kind, t, object)).filter(w -> !work.contains(w)).ifPresent(work::add);
    }

    /** A validated foreign key's table, and its parent when the constraint could be looked up ({@code null} otherwise). */
    private record ForeignKey(Optional<String> table, String references) {
    }

    /** The constraint's own table and parent; for a statement that failed (the constraint is gone), the table it altered. */
    private static ForeignKey foreignKey(String constraint, Relations relations, Collection<String> locked,
                                         String sql, Connection live) {
        if (live != null) {
            try {
                List<ForeignKey> keys = new ArrayList<>();
                for (Constraints.ForeignKeyTables named : Constraints.foreignKeysNamed(live, constraint)) {
                    Optional<String> table = relations.qualify(named.table(), locked);
                    if (table.isPresent()) {
                        keys.add(new ForeignKey(table, relations.qualify(named.references(), locked).orElse(null)));
                    }
                }
                Optional<ForeignKey> found = keys.stream().filter(k -> locked.contains(k.table().get())).findFirst()
                        .or(() -> keys.stream().findFirst());
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (SQLException e) {
                // fall back to the statement's own target
            }
        }
        Matcher altered = ALTERED.matcher(sql);
        return new ForeignKey(altered.matches() ? relations.qualify(altered.group(1), locked) : Optional.empty(), null);
    }
}
