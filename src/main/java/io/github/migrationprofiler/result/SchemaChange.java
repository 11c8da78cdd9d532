package io.github.migrationprofiler.result;

/**
 * A change to a table that existed before the migration which code still running the old version
 * cannot follow during a rolling deploy.
 *
 * @param kind   what changed
 * @param table  the table, qualified, by its name before the migration
 * @param column the column, for column changes
 * @param detail the new name or the type change ("integer → bigint")
 */
public record SchemaChange(Kind kind, String table, String column, String detail) {

    public enum Kind {
        DROP_TABLE("dropped table"),
        RENAME_TABLE("renamed table"),
        DROP_COLUMN("dropped column"),
        RENAME_COLUMN("renamed column"),
        TYPE_CHANGE("changed the type of column");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** "public.orders.note (dropped)", "public.a (renamed to public.b)", "public.t.n (integer → bigint)". */
    public String subject() {
        return (column == null ? table : table + "." + column) + " (" + switch (kind) {
            case DROP_TABLE, DROP_COLUMN -> "dropped";
            case RENAME_TABLE, RENAME_COLUMN -> "renamed to " + detail;
            case TYPE_CHANGE -> detail;
        } + ")";
    }

    /** "dropped column public.orders.note", "renamed table public.a to public.b". */
    public String describe() {
        String subject = column == null ? table : table + "." + column;
        return kind.words() + " " + subject + switch (kind) {
            case RENAME_TABLE, RENAME_COLUMN -> " to " + detail;
            case TYPE_CHANGE -> " (" + detail + ")";
            default -> "";
        };
    }
}
