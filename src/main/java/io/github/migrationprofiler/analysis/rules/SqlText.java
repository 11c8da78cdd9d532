package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.support.LongLiterals;

import java.util.Locale;
import java.util.regex.Pattern;

/** SQL text reduced for matching: comments gone, long literals emptied, white space folded, upper case. */
public final class SqlText {

    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SqlText() {
    }

    public static String normalize(String sql) {
        String text = BLOCK_COMMENT.matcher(LongLiterals.emptied(sql)).replaceAll(" ");
        text = LINE_COMMENT.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip().toUpperCase(Locale.ROOT);
    }
}
