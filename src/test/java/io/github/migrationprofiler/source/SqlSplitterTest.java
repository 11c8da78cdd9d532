package io.github.migrationprofiler.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndKeepsStartLines() {
        List<SqlStatement> statements = SqlSplitter.split("""
                CREATE TABLE a (id int);

                -- a comment; with a semicolon
                INSERT INTO a VALUES (1);
                /* block; comment */ UPDATE a
                   SET id = 2;
                """);

        assertThat(statements).containsExactly(
                new SqlStatement("CREATE TABLE a (id int)", 1),
                new SqlStatement("INSERT INTO a VALUES (1)", 4),
                new SqlStatement("UPDATE a\n   SET id = 2", 5));
    }

    @Test
    void theRowsAfterCopyFromStdinAreItsData() {
        List<SqlStatement> statements = SqlSplitter.split("""
                COPY items (id, title) FROM stdin;
                1\tfirst; with a semicolon
                2\tsecond
                \\.
                UPDATE items SET title = upper(title);
                """);

        assertThat(statements).containsExactly(
                new SqlStatement("COPY items (id, title) FROM stdin", 1, "1\tfirst; with a semicolon\n2\tsecond\n"),
                new SqlStatement("UPDATE items SET title = upper(title)", 5));
    }

    @Test
    void standardFunctionBodiesStayWholeAsInPsql() {
        String function = """
                CREATE FUNCTION grade(score int) RETURNS text
                LANGUAGE SQL
                BEGIN ATOMIC
                  SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;
                  SELECT 'done';
                END""";

        List<SqlStatement> statements = SqlSplitter.split(function + ";\nSELECT grade(60);\n");

        assertThat(statements).containsExactly(new SqlStatement(function, 1), new SqlStatement("SELECT grade(60)", 7));
    }

    @Test
    void dollarQuotedBodiesStayWhole() {
        String doBlock = """
                DO $$
                BEGIN
                  RAISE NOTICE 'x;y';
                  PERFORM 1;
                END $$""";
        String function = """
                CREATE FUNCTION f() RETURNS int AS $fn$
                  SELECT 1; -- $$ inside a tagged body is text
                $fn$ LANGUAGE sql""";
        List<SqlStatement> statements = SqlSplitter.split(doBlock + ";\n" + function + ";\nSELECT 2;");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(doBlock, function, "SELECT 2");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6, 9);
    }

    @Test
    void stringsAndIdentifiersHideSemicolons() {
        List<SqlStatement> statements = SqlSplitter.split(
                "INSERT INTO \"odd;name\" VALUES ('it''s; fine', E'back\\'slash;');\nSELECT $1, a$b$c FROM t;");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "INSERT INTO \"odd;name\" VALUES ('it''s; fine', E'back\\'slash;')",
                "SELECT $1, a$b$c FROM t");
    }

    @Test
    void nestedBlockCommentsAreSkipped() {
        List<SqlStatement> statements = SqlSplitter.split("/* outer /* inner; */ still comment; */ SELECT 1;");

        assertThat(statements).containsExactly(new SqlStatement("SELECT 1", 1));
    }

    @Test
    void lastStatementMayLackSemicolonAndEmptyOnesVanish() {
        List<SqlStatement> statements = SqlSplitter.split(";;\n\nSELECT 1;;\nSELECT 2\n-- trailing comment\n");

        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", 3),
                new SqlStatement("SELECT 2\n-- trailing comment", 4));
    }

    @Test
    void multiLineStringsCountTheirLines() {
        List<SqlStatement> statements = SqlSplitter.split("SELECT 'a\nb\nc';\nSELECT 2;");

        assertThat(statements.get(1)).isEqualTo(new SqlStatement("SELECT 2", 4));
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertThat(SqlSplitter.split("SELECT 'oops; SELECT 2;")).hasSize(1);
    }
}
