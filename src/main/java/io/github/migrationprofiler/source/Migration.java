package io.github.migrationprofiler.source;

/**
 * One unit of schema change as production applies it: a Liquibase changeset, a Flyway migration or a SQL file.
 *
 * @param id     changeset id, or the SQL file's name (a Java migration's class name)
 * @param author changeset author, or {@code null} for SQL files
 * @param source the file that holds it, as the user knows it (Liquibase logical path, or a path
 *               relative to the project)
 * @param line   line of the migration's declaration in {@code source} (1 for a SQL file)
 * @param flyway what Flyway says of it; {@code null} when Flyway does not run it
 */
public record Migration(String id, String author, String source, int line, Flyway flyway) {

    public Migration(String id, String author, String source, int line) {
        this(id, author, source, line, null);
    }

    /**
     * A migration as Flyway lists it.
     *
     * @param version     its version; {@code null} for a repeatable migration
     * @param description its description
     * @param type        {@code SQL}, {@code JDBC}, {@code SQL_BASELINE}, …
     */
    public record Flyway(String version, String description, String type) {
    }

    /** How the migration is named in logs and messages. */
    public String label() {
        return author == null ? id : id + " (" + author + ")";
    }
}
