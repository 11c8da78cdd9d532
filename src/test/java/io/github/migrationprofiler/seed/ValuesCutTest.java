package io.github.migrationprofiler.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting COPY text never leaves half an escape or half a character behind. */
class ValuesCutTest {

    private static String cut(String escaped, int end) {
        StringBuilder out = new StringBuilder(escaped);
        Values.cut(out, end);
        return out.toString();
    }

    @Test
    void cutsBeforeAnEscapeItWouldSplit() {
        assertThat(cut("ab\\tcd", 3)).isEqualTo("ab"); // "\t" escaped as backslash-t: not "ab\"
        assertThat(cut("ab\\\\cd", 4)).isEqualTo("ab\\\\"); // an escaped backslash stays whole
        assertThat(cut("ab\\\\cd", 3)).isEqualTo("ab");
        assertThat(cut("abcdef", 4)).isEqualTo("abcd");
        assertThat(cut("ab", 10)).isEqualTo("ab");
    }

    @Test
    void cutsBeforeASurrogatePairItWouldSplit() {
        String emoji = "a\uD83D\uDE00b";
        assertThat(cut(emoji, 2)).isEqualTo("a");
        assertThat(cut(emoji, 3)).isEqualTo("a\uD83D\uDE00");
    }
}
