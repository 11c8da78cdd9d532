package io.github.migrationprofiler.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Work PostgreSQL reported doing for a statement (its DEBUG1 messages): the evidence the rules
 * stand on, rather than what the SQL text suggests.
 *
 * @param kind   what it did
 * @param table  the table it did it on, qualified
 * @param object the index or constraint concerned, when the server names one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Work(Kind kind, String table, String object) {

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

        @JsonValue
        public String json() {
            return json;
        }

        /** Work that reads the whole table while holding the statement's lock. */
        public boolean readsTable() {
            return this != NOT_NULL_PROVEN;
        }
    }
}
