package io.github.migrationprofiler.catalog;

import io.github.migrationprofiler.result.TableStat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The application's relations as the migration's own session sees them: storage file (a rewrite
 * gives a table or index a new one), estimated rows and pages (a table's with its TOAST). Read
 * from pg_class only, so taking it locks nothing the migration would then seem to hold.
 */
public final class Relations {

    private static final String QUERY = """
            SELECT c.oid, %s, c.relkind, c.relfilenode, c.reltuples::bigint, c.relpages, coalesce(t.relpages, 0),
                   i.indrelid, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
              LEFT JOIN pg_index i ON i.indexrelid = c.oid
             WHERE c.relkind IN ('r', 'p', 'i', 'm') AND %s""".formatted(CatalogSql.QUALIFIED, CatalogSql.USER_SCHEMA);

    private static final long BLOCK = 8192;

    record Relation(long oid, String name, char kind, long fileNode, long rows, long pages, long toastPages, long table, String bare) {
    }

    private final Map<Long, Relation> byOid;

    private Relations(Map<Long, Relation> byOid) {
        this.byOid = byOid;
    }

    public static Relations take(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                relations.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9)));
            }
        }
        return new Relations(relations);
    }

    /**
     * Tables and indexes that exist in both snapshots but live in a new file: rewritten (or
     * truncated). An index on a column whose type changed is dropped and built again under the
     * same name with a new oid: that counts as rebuilt too.
     */
    public List<String> rewrittenSince(Relations before) {
        Map<String, Relation> beforeByName = new HashMap<>();
        before.byOid.values().forEach(r -> beforeByName.put(r.name(), r));
        List<String> rewritten = new ArrayList<>();
        for (Relation now : byOid.values()) {
            if (now.kind() == 'p') { // a partitioned table has no storage of its own
                continue;
            }
            Relation then = before.byOid.get(now.oid());
            Relation namesake = beforeByName.get(now.name());
            if (then != null ? then.fileNode() != now.fileNode() : namesake != null && namesake.kind() == now.kind()) {
                rewritten.add(now.name());
            }
        }
        rewritten.sort(null);
        return rewritten;
    }

    /**
     * Tables that gained or lost an index since {@code before}: a concurrent index build or drop
     * takes its locks too briefly, outside a transaction, to be sure a look at the locks sees them.
     */
    public Set<String> indexedSince(Relations before) {
        Set<String> tables = new TreeSet<>();
        byOid.values().stream().filter(r -> r.kind() == 'i' && !before.byOid.containsKey(r.oid()) && byOid.containsKey(r.table()))
                .forEach(r -> tables.add(byOid.get(r.table()).name()));
        before.byOid.values().stream().filter(r -> r.kind() == 'i' && !byOid.containsKey(r.oid()) && before.byOid.containsKey(r.table()))
                .forEach(r -> tables.add(before.byOid.get(r.table()).name()));
        return tables;
    }

    /** Rows and bytes (table, its TOAST and its indexes) of a table, by name; {@code null} if unknown here. */
    public TableStat stat(String table) {
        Relation relation = byOid.values().stream().filter(r -> r.name().equals(table) && (r.kind() == 'r' || r.kind() == 'm'))
                .findFirst().orElse(null);
        if (relation == null) {
            return null;
        }
        long pages = relation.pages() + relation.toastPages();
        for (Relation index : byOid.values()) {
            if (index.kind() == 'i' && index.table() == relation.oid()) {
                pages += index.pages();
            }
        }
        return new TableStat(table, Math.max(0, relation.rows()), pages * BLOCK);
    }

    /** Oids of the tables and materialized views, to tell later which ones existed at this moment. */
    public Set<Long> tableOids() {
        Set<Long> oids = new HashSet<>();
        byOid.values().stream().filter(r -> r.kind() == 'r' || r.kind() == 'm' || r.kind() == 'p').forEach(r -> oids.add(r.oid()));
        return oids;
    }

    /** Oid of a table or materialized view by qualified name, or -1. */
    /** Whether a table, index or view of this name is among these relations. */
    public boolean has(String relation) {
        return byOid.values().stream().anyMatch(r -> r.name().equals(relation));
    }

    public long oidOf(String table) {
        return byOid.values().stream().filter(r -> r.name().equals(table) && r.kind() != 'i').mapToLong(Relation::oid).findFirst().orElse(-1);
    }

    /**
     * The qualified name of a relation the server named without its schema, preferring one of
     * {@code preferred} (what the statement locked) when several schemas hold the name.
     */
    public Optional<String> qualify(String bare, Collection<String> preferred) {
        List<String> named = byOid.values().stream().filter(r -> r.bare().equals(bare)).map(Relation::name).sorted().toList();
        return named.stream().filter(preferred::contains).findFirst().or(() -> named.stream().findFirst());
    }

    /** The table an index belongs to, or the relation itself. */
    public String tableOf(String relation) {
        return byOid.values().stream().filter(r -> r.name().equals(relation)).findFirst()
                .map(r -> r.kind() == 'i' && byOid.containsKey(r.table()) ? byOid.get(r.table()).name() : r.name())
                .orElse(relation);
    }
}
