package io.github.migrationprofiler.source;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons. Semicolons inside
 * comments ({@code --}, nested {@code /* *\/}), string literals ({@code '…'}, {@code E'…'}),
 * quoted identifiers and dollar-quoted bodies ({@code $$…$$}, {@code $fn$…$fn$}) do not split.
 * The rows after a {@code COPY … FROM STDIN;}, up to a {@code \.} line, are that statement's data.
 * Nor do the semicolons of a SQL-standard function body, {@code BEGIN ATOMIC … END}, which psql also
 * keeps whole. Comments between statements are dropped, so each statement starts at its first
 * token and carries that token's line.
 */
public final class SqlSplitter {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_\\u0080-\\uFFFF]*)?\\$");

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\b.*\\bFROM\\s+STDIN\\b.*");

    private final String sql;
    private int pos;
    private int line = 1;
    /** Open {@code BEGIN ATOMIC}, {@code BEGIN} and {@code CASE} blocks of a function body, closed by {@code END}. */
    private int atomicDepth;
    private String previousWord = "";

    private SqlSplitter(String sql) {
        this.sql = sql;
    }

    public static List<SqlStatement> split(String sql) {
        return new SqlSplitter(sql).statements();
    }

    private List<SqlStatement> statements() {
        List<SqlStatement> statements = new ArrayList<>();
        int start = -1;
        int startLine = 0;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                advanceTo(pos + 1);
            } else if (startsWith("--")) {
                int end = sql.indexOf('\n', pos);
                advanceTo(end < 0 ? sql.length() : end);
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else if (c == ';' && atomicDepth == 0) {
                if (start >= 0) {
                    String statement = sql.substring(start, pos).strip();
                    advanceTo(pos + 1);
                    statements.add(new SqlStatement(statement, startLine, COPY_FROM_STDIN.matcher(statement).matches() ? copyData() : null));
                    start = -1;
                } else {
                    advanceTo(pos + 1);
                }
            } else {
                if (start < 0) {
                    start = pos;
                    startLine = line;
                }
                skipToken(c);
            }
        }
        if (start >= 0) {
            statements.add(new SqlStatement(sql.substring(start).strip(), startLine));
        }
        return statements;
    }

    private void skipToken(char c) {
        if (c == '\'') {
            boolean escapes = pos > 0 && (sql.charAt(pos - 1) == 'E' || sql.charAt(pos - 1) == 'e')
                    && (pos < 2 || !isIdentifierPart(sql.charAt(pos - 2)));
            skipQuoted('\'', escapes);
        } else if (c == '"') {
            skipQuoted('"', false);
        } else if (c == '$' && (pos == 0 || !isIdentifierPart(sql.charAt(pos - 1)))) {
            skipDollarQuoted();
        } else if (Character.isLetter(c) || c == '_') {
            skipWord();
        } else {
            advanceTo(pos + 1);
        }
    }

    /** The lines after a {@code COPY … FROM STDIN;} up to the line {@code \.}, as psql reads them. */
    private String copyData() {
        int lineEnd = sql.indexOf('\n', pos);
        int from = lineEnd < 0 ? sql.length() : lineEnd + 1;
        StringBuilder data = new StringBuilder();
        int at = from;
        while (at < sql.length()) {
            int end = sql.indexOf('\n', at);
            String row = sql.substring(at, end < 0 ? sql.length() : end);
            at = end < 0 ? sql.length() : end + 1;
            if (row.strip().equals("\\.")) {
                break;
            }
            data.append(row).append('\n');
        }
        advanceTo(at);
        return data.toString();
    }

    /** Skips a word, following the blocks of a {@code BEGIN ATOMIC} body as psql does. */
    private void skipWord() {
        int end = pos;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
            end++;
        }
        String word = sql.substring(pos, end).toUpperCase(Locale.ROOT);
        if (word.equals("ATOMIC") && previousWord.equals("BEGIN") && atomicDepth == 0) {
            atomicDepth = 1;
        } else if (atomicDepth > 0 && (word.equals("BEGIN") || word.equals("CASE"))) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("END")) {
            atomicDepth--;
        }
        previousWord = word;
        advanceTo(end);
    }

    /** Skips a literal whose quote is doubled to escape it (and, for E'…', backslash-escaped). */
    private void skipQuoted(char quote, boolean backslashEscapes) {
        int i = pos + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    break;
                }
            } else {
                i++;
            }
        }
        advanceTo(Math.min(i + 1, sql.length()));
    }

    private void skipDollarQuoted() {
        Matcher tag = DOLLAR_TAG.matcher(sql).region(pos, sql.length());
        if (!tag.lookingAt()) {
            advanceTo(pos + 1); // $1 parameter or a lone dollar
            return;
        }
        int close = sql.indexOf(tag.group(), tag.end());
        advanceTo(close < 0 ? sql.length() : close + tag.group().length());
    }

    private void skipBlockComment() {
        int depth = 0;
        int i = pos;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                i++;
            }
        }
        advanceTo(i);
    }

    private boolean startsWith(String prefix) {
        return sql.startsWith(prefix, pos);
    }

    private void advanceTo(int target) {
        for (int i = pos; i < target; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        pos = target;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
