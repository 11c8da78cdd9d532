package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of operation a statement is, from its normalised text: the one place the rules and
 * the classifier read SQL. What the operation did — scans, builds, rewrites, locks — is measured,
 * never guessed from here.
 */
public final class Operations {

    static final String INDEX_BUILD = "^(CREATE (UNIQUE )?INDEX|REINDEX)\\b.*";
    static final String SET_NOT_NULL = "^ALTER TABLE .*\\bSET NOT NULL\\b.*";
    static final String CONSTRAINT_CHECK = "^ALTER TABLE .*\\b(ADD (CONSTRAINT \\S+ )?(CHECK|FOREIGN KEY)|VALIDATE CONSTRAINT)\\b.*";
    static final String ADD_UNIQUE = "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(UNIQUE|PRIMARY KEY)\\b(?!.*\\bUSING INDEX\\b).*";
    static final String DROP_INDEX = "^DROP INDEX (?!CONCURRENTLY).*";
    static final String CONCURRENT_INDEX = "^(CREATE (UNIQUE )?INDEX|DROP INDEX|REINDEX)\\b.*\\bCONCURRENTLY\\b.*";
    static final String DETACH_CONCURRENTLY = "^ALTER TABLE .*\\bDETACH PARTITION \\S+ CONCURRENTLY\\b.*";
    static final String TYPE_CHANGE = "^ALTER TABLE .*\\bALTER (COLUMN )?\\S+ (SET DATA )?TYPE\\b.*";
    static final String ADD_COLUMN = "^ALTER TABLE .*\\bADD (COLUMN )?(?!CONSTRAINT|CHECK|FOREIGN|UNIQUE|PRIMARY)\\S+ .*";
    static final String REBUILD = "^(VACUUM FULL|CLUSTER)\\b.*";
    static final String MATERIALIZED_VIEW = ".*\\bMATERIALIZED VIEW\\b.*";
    public static final String TRUNCATE = "^TRUNCATE\\b.*";
    static final String UPDATE_OR_DELETE = "^(UPDATE|DELETE)\\b.*";
    public static final String DML = "^(UPDATE|DELETE|INSERT|MERGE)\\b.*";

    private static final Pattern TYPE_CHANGED = Pattern.compile("\\bALTER (?:COLUMN )?(\\S+) (?:SET DATA )?TYPE\\b");
    private static final Pattern NOT_NULL_SET = Pattern.compile("\\bALTER (?:COLUMN )?(\\S+) SET NOT NULL\\b");
    private static final Pattern CONSTRAINT_NAMED = Pattern.compile("\\b(?:ADD|VALIDATE) CONSTRAINT (\\S+)");

    private Operations() {
    }

    /** Most of the table's rows changed, and enough of them to matter: a backfill. */
    public static boolean changesMostRows(Step step, long tableRows) {
        long rows = step.statement().rowsAffected();
        return step.matches(UPDATE_OR_DELETE) && rows >= 1_000 && rows * 2 >= tableRows;
    }

    /** Columns a type change names: {@code ALTER COLUMN a TYPE …, ALTER COLUMN b TYPE …}. */
    static List<String> typeChangedColumns(Step step) {
        return all(TYPE_CHANGED, step.sql());
    }

    static List<String> notNullColumns(Step step) {
        return all(NOT_NULL_SET, step.sql());
    }

    static List<String> constraintNames(Step step) {
        return all(CONSTRAINT_NAMED, step.sql());
    }

    private static List<String> all(Pattern pattern, String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT).replace("\"", ""));
        }
        return names;
    }
}
