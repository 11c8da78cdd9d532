package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.MigrationFacts.Step;

/**
 * What kind of operation a statement is, from its normalised text: the one place the rules and
 * the classifier read SQL. What the operation did is measured, not guessed from here.
 */
final class Operations {

    static final String CREATE_INDEX = "^CREATE (UNIQUE )?INDEX (?!CONCURRENTLY).*";
    static final String ANY_INDEX_BUILD = "^(CREATE (UNIQUE )?INDEX|REINDEX)\\b.*";
    static final String SET_NOT_NULL = "^ALTER TABLE .*\\bSET NOT NULL\\b.*";
    static final String ADD_CHECK_OR_FK = "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(CHECK|FOREIGN KEY)\\b(?!.*\\bNOT VALID\\b).*";
    static final String VALIDATE = "^ALTER TABLE .*\\bVALIDATE CONSTRAINT\\b.*";
    static final String ADD_UNIQUE = "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(UNIQUE|PRIMARY KEY)\\b(?!.*\\bUSING INDEX\\b).*";
    static final String DROP_INDEX = "^DROP INDEX (?!CONCURRENTLY).*";
    static final String TYPE_CHANGE = "^ALTER TABLE .*\\bALTER (COLUMN )?\\S+ (SET DATA )?TYPE\\b.*";
    static final String REBUILD = "^(VACUUM FULL|CLUSTER)\\b.*";
    static final String DROP_DATA = "^(DROP TABLE|TRUNCATE)\\b.*|^ALTER TABLE .*\\bDROP (COLUMN )?(?!CONSTRAINT|DEFAULT|NOT NULL|IDENTITY|EXPRESSION)\\S+.*";
    static final String UPDATE_OR_DELETE = "^(UPDATE|DELETE)\\b.*";
    static final String DML = "^(UPDATE|DELETE|INSERT|MERGE)\\b.*";

    private Operations() {
    }

    /** The statement read or rewrote the whole of {@code table} while holding its lock: a scan, a build, a rewrite. */
    static boolean scansOrRebuilds(Step step, String table) {
        return step.statement().rewrites().contains(table)
                || step.matches(CREATE_INDEX) || step.matches(SET_NOT_NULL) || step.matches(ADD_CHECK_OR_FK)
                || step.matches(ADD_UNIQUE) || step.matches(REBUILD);
    }

    /** Most of the table's rows changed (and enough of them to matter). */
    static boolean changesMostRows(Step step, long tableRows) {
        long rows = step.statement().rowsAffected();
        return step.matches(UPDATE_OR_DELETE) && rows >= 1_000 && rows * 2 >= tableRows;
    }
}
