package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.analysis.rules.MigrationFacts.Step;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.support.LongLiterals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement over existing rows that succeeds only if every row has some form or property: a
 * cast of a column, a date or number parsed with a format, a unique key, a CHECK or foreign key
 * validated, NOT NULL after a backfill. The seeded rows were made to pass; production's pass only
 * if the application always wrote them so.
 */
final class DataDependent extends Rule {

    private static final String TYPE = "(uuid|int[248]?|integer|smallint|bigint|numeric|decimal|real|float[48]|double precision"
            + "|bool(?:ean)?|date|timestamptz|timestamp(?: with(?:out)? time zone)?|jsonb?|inet|cidr|macaddr)\\b";
    /** {@code col::type} or {@code CAST(col AS type)}, not a literal's cast. */
    private static final Pattern CAST = Pattern.compile("(?<!['\\w.\"])((?:\"?\\w+\"?\\.)?\"?[A-Za-z_]\\w*\"?)\\s*::\\s*" + TYPE
            + "|\\bCAST\\s*\\(\\s*((?:\"?\\w+\"?\\.)?\"?[A-Za-z_]\\w*\"?)\\s+AS\\s+" + TYPE, Pattern.CASE_INSENSITIVE);
    private static final Pattern PARSE = Pattern.compile("\\b(to_timestamp|to_date|to_number)\\s*\\(\\s*([^,()]+(?:\\([^()]*\\))?[^,()]*)"
            + ",\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTERED = Pattern.compile("^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?(?:ONLY )?(\\S+)");
    private static final Set<String> NOT_COLUMNS = Set.of("now", "current_date", "current_timestamp", "null", "true", "false");

    DataDependent() {
        super(RuleId.DATA_DEPENDENT, Severity.INFO,
                "Succeeds only if every existing row has some form or property (a cast, a format, a unique key, a validated constraint)",
                "Ask production before the release: run the test as a query (for a cast to uuid, SELECT count(*) FROM t WHERE c !~ "
                        + "'^[0-9a-fA-F-]{36}$'), and make the migration tolerant of what it finds (a USING or CASE that maps bad "
                        + "values, NOT VALID and a cleanup before VALIDATE).");
    }

    @Override
    protected List<Hit> detect(MigrationFacts facts) {
        List<Hit> hits = new ArrayList<>();
        boolean partly = facts.steps().stream().anyMatch(DataDependent::partialBackfill);
        for (Step step : facts.steps()) {
            TableStat table = target(step);
            if (table == null) {
                continue;
            }
            Set<String> tests = new LinkedHashSet<>();
            String sql = LongLiterals.emptied(step.statement().sql());
            Matcher cast = CAST.matcher(sql);
            while (cast.find()) {
                String column = bare(cast.group(1) != null ? cast.group(1) : cast.group(3));
                String type = (cast.group(2) != null ? cast.group(2) : cast.group(4)).toLowerCase(Locale.ROOT);
                if (!NOT_COLUMNS.contains(column.toLowerCase(Locale.ROOT)) && !tested(sql, column)) {
                    tests.add("any row's " + column + " is not a valid " + type);
                }
            }
            Matcher parse = PARSE.matcher(sql);
            while (parse.find()) {
                tests.add("any row's " + parse.group(2).strip() + " does not read as " + parse.group(1).toLowerCase(Locale.ROOT) + " format '"
                        + parse.group(3) + "'");
            }
            boolean existingTarget = altersExisting(step, table);
            if (step.matches("^CREATE UNIQUE INDEX\\b.*") || existingTarget && step.matches(Operations.ADD_UNIQUE)) {
                tests.add("two rows share a value of the new unique key");
            }
            if (existingTarget && step.matches(Operations.CONSTRAINT_CHECK) && !step.matches(".*\\bNOT VALID\\b.*")) {
                Operations.constraintNames(step).forEach(name -> tests.add("any row breaks " + name.toLowerCase(Locale.ROOT)));
            }
            if (existingTarget && partly && step.matches(Operations.SET_NOT_NULL)) {
                Operations.notNullColumns(step).forEach(c -> tests.add("the backfill left any row's " + c.toLowerCase(Locale.ROOT)
                        + " NULL"));
            }
            if (!tests.isEmpty()) {
                hits.add(new Hit(table.table(), String.format(Locale.ROOT, "The statement at line %d succeeded on the %,d rows of %s "
                        + "seeded to pass it; in production it fails if %s", step.statement().line(), table.rows(), table.table(),
                        String.join(", or if ", tests)), step.statement().millis()));
            }
        }
        return hits;
    }

    /**
     * An UPDATE that may leave rows unfilled: its values come from a subquery or a join (a row
     * without its partner gets NULL), or it picks rows by something else than the column being NULL.
     */
    private static boolean partialBackfill(Step step) {
        return step.matches("^UPDATE\\b.*")
                && (step.matches(".*\\(\\s*SELECT\\b.*|.*\\bSET\\b.*\\bFROM\\b.*")
                || step.matches(".*\\bWHERE\\b.*") && !step.matches(".*\\bWHERE \\S+ IS NULL;?$"));
    }

    /** {@code ALTER TABLE t …} changes {@code table}, which held rows before: not a table the migration created and filled. */
    private static boolean altersExisting(Step step, TableStat table) {
        Matcher altered = ALTERED.matcher(step.sql());
        if (!altered.find()) {
            return false;
        }
        String name = altered.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
        String bare = name.substring(name.lastIndexOf('.') + 1);
        String target = table.table().replace("\"", "").toLowerCase(Locale.ROOT);
        return target.equals(name) || target.endsWith("." + bare);
    }

    /**
     * The existing table with rows that the statement changes: the one it ALTERs, else the one it
     * locked most strongly. A foreign key locks both its tables alike, in an order the lock
     * sampler sees by chance: the ALTER names the one that must satisfy it.
     */
    private static TableStat target(Step step) {
        List<TableStat> withRows = step.existing().stream().filter(t -> t.rows() > 0).toList();
        return withRows.stream().filter(t -> altersExisting(step, t)).findFirst()
                .orElseGet(() -> withRows.stream()
                        .max(Comparator.comparing(t -> step.requestedOn(t.table()).map(LockHeld::lockMode).map(Enum::ordinal).orElse(-1)))
                        .orElse(null));
    }

    /** The statement itself keeps to the rows of the form: {@code WHERE c ~ '^[0-9a-f-]{36}$'}. */
    private static boolean tested(String sql, String column) {
        return Pattern.compile("\\b" + Pattern.quote(column) + "\"?\\s*(~\\*?|SIMILAR\\s+TO)\\s*'", Pattern.CASE_INSENSITIVE).matcher(sql).find();
    }

    private static String bare(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1).replace("\"", "");
    }
}
