package io.github.migrationprofiler.seed;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * PostgreSQL's {@code to_timestamp}/{@code to_date} template patterns ({@code YYYY-MM-DD"T"HH24:MI:SS.MS})
 * as a Java formatter, for seeded values the migration's own call reads. Only the numeric fields
 * are known; a template with anything else gives none, and values stay as they were.
 */
final class PgDateFormat {

    /** PostgreSQL's fields, longest first so {@code HH24} wins over {@code HH}, and their Java letters. */
    private static final String[][] FIELDS = {
            {"YYYY", "yyyy"}, {"HH24", "HH"}, {"HH12", "hh"}, {"YY", "yy"}, {"MM", "MM"}, {"DD", "dd"}, {"HH", "hh"},
            {"MI", "mm"}, {"SS", "ss"}, {"MS", "SSS"}, {"US", "SSSSSS"}};

    private PgDateFormat() {
    }

    /** The Java formatter for {@code template}, or {@code null} when it has a field this class does not know. */
    static DateTimeFormatter toJava(String template) {
        StringBuilder java = new StringBuilder();
        int i = 0;
        next:
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '"') {
                int close = template.indexOf('"', i + 1);
                if (close < 0) {
                    return null;
                }
                java.append('\'').append(template, i + 1, close).append('\'');
                i = close + 1;
                continue;
            }
            for (String[] field : FIELDS) {
                if (template.regionMatches(true, i, field[0], 0, field[0].length())) {
                    java.append(field[1]);
                    i += field[0].length();
                    continue next;
                }
            }
            if (Character.isLetter(c)) {
                return null; // a name of a month or day, a time zone…: not written here
            }
            java.append(c == '\'' ? "''" : String.valueOf(c));
            i++;
        }
        try {
            return DateTimeFormatter.ofPattern(java.toString(), Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
