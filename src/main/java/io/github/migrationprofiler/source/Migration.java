package io.github.migrationprofiler.source;

/**
 * One unit of schema change as production applies it: a Liquibase changeset or a SQL file.
 *
 * @param id     changeset id, or the SQL file's name
 * @param author changeset author, or {@code null} for SQL files
 * @param source the file that holds it, as the user knows it (Liquibase logical path, or a path
 *               relative to the project)
 * @param line   line of the migration's declaration in {@code source} (1 for a SQL file)
 */
public record Migration(String id, String author, String source, int line) {

    /** How the migration is named in logs and messages. */
    public String label() {
        return author == null ? id : id + " (" + author + ")";
    }
}
