package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md shows every rule with the very example files that RuleExamplesIT runs. */
class RuleDocsTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/rules");

    @Test
    void everyRuleHasASectionShowingItsBadAndGoodExamples() throws IOException {
        String docs = Files.readString(Path.of("docs/rules.md"));
        assertThat(docs).contains("```sql\n" + Files.readString(EXAMPLES.resolve("setup.sql")) + "```");
        for (RuleId rule : RuleId.values()) {
            String section = section(docs, rule);
            for (String example : new String[] {"bad.sql", "good.sql"}) {
                String text = Files.readString(EXAMPLES.resolve(rule.id()).resolve(example));
                assertThat(section).as("docs/rules.md, section " + rule.id() + ", shows " + example)
                        .contains("```sql\n" + text + "```");
            }
        }
    }

    @Test
    void everyRuleIsHeadedWithTheSeverityItDeclares() throws IOException {
        String docs = Files.readString(Path.of("docs/rules.md"));
        assertThat(RuleId.values()).allSatisfy(rule ->
                assertThat(docs).contains("### `" + rule.id() + "` — " + rule.severity().json() + "\n"));
    }

    @Test
    void everyRuleIdHasItsRuleAndExamples() {
        assertThat(Rules.all(Rules.Lines.DEFAULTS)).extracting(Rule::id).containsExactly(RuleId.values());
        assertThat(Arrays.stream(RuleId.values())).allSatisfy(rule -> {
            assertThat(EXAMPLES.resolve(rule.id()).resolve("bad.sql")).isRegularFile();
            assertThat(EXAMPLES.resolve(rule.id()).resolve("good.sql")).isRegularFile();
        });
    }

    /** From the rule's heading to the next heading of its level or above. */
    private static String section(String docs, RuleId rule) {
        int start = docs.indexOf("### `" + rule.id() + "`");
        assertThat(start).as("a section for " + rule.id()).isNotNegative();
        int next = docs.indexOf("\n### ", start + 1);
        int chapter = docs.indexOf("\n## ", start + 1);
        int end = next < 0 ? chapter : chapter < 0 ? next : Math.min(next, chapter);
        return docs.substring(start, end < 0 ? docs.length() : end);
    }
}
