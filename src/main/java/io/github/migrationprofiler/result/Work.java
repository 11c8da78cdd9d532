package io.github.migrationprofiler.result;


/**
 * Work PostgreSQL reported doing for a statement (its DEBUG1 messages): the evidence the rules
 * stand on, rather than what the SQL text suggests.
 *
 * @param kind   what it did
 * @param table  the table it did it on, qualified
 * @param object the index or constraint concerned, when the server names one
 * @param sort   for an index build, the sort it needed (from {@code trace_sort}), when the server said
 * @param references for a foreign key validation, the parent table, qualified, when the constraint could be looked up
 */
public record Work(Kind kind, String table, String object, Sort sort, String references) {

    public Work(Kind kind, String table, String object) {
        this(kind, table, object, null, null);
    }

    /**
     * The sort an index build ran.
     *
     * @param memoryKb memory an in-memory sort used; for one that spilled, the disk it used
     * @param limitKb  the memory it was allowed ({@code maintenance_work_mem})
     * @param external it spilled to disk (an external merge sort)
     */
    public record Sort(long memoryKb, long limitKb, boolean external) {
    }

    public Work withSort(Sort sort) {
        return new Work(kind, table, object, sort, references);
    }

    public enum Kind {
        /** Read every row to check new constraints or NOT NULL ("verifying table"). */
        SCAN("scan"),
        /** Wrote the table into a new file ("rewriting table"). */
        REWRITE("rewrite"),
        /** Built an index, reading the whole table ("building index … on table"). */
        INDEX_BUILD("index-build"),
        /** Checked every row of a foreign key's table against its parent ("validating foreign key constraint"). */
        FOREIGN_KEY_VALIDATION("foreign-key-validation"),
        /** SET NOT NULL proved by a valid CHECK, without a scan ("existing constraints … are sufficient"). */
        NOT_NULL_PROVEN("not-null-proven");

        private final String json;

        Kind(String json) {
            this.json = json;
        }
        public String json() {
            return json;
        }

        /** Work that reads the whole table while holding the statement's lock. */
        public boolean readsTable() {
            return this != NOT_NULL_PROVEN;
        }
    }
}
