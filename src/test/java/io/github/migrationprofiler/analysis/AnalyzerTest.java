package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.profile.LockHeld;
import io.github.migrationprofiler.profile.LockMode;
import io.github.migrationprofiler.profile.StatementResult;
import io.github.migrationprofiler.profile.TableStat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerTest {

    private static StatementResult createIndex(double heldMillis, String lockTimeout) {
        return new StatementResult("create index idx on public.t (a)", 1, heldMillis, 0, null, 1, lockTimeout, "0",
                List.of(new LockHeld("public.t", "SHARE", heldMillis, LockMode.SHARE.blocks())), List.of(), null,
                List.of(new TableStat("public.t", 50_000, 4 << 20)));
    }

    @Test
    void measuredFactsBecomeKindAndFindings() {
        Analyzer.Analysis analysis = new Analyzer(Set.of()).analyze(new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of()), "");

        assertThat(analysis.kind()).isEqualTo(Kind.MEDIUM);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly("create-index-not-concurrently", "missing-lock-timeout");
        assertThat(analysis.findings().get(0).message())
                .isEqualTo("CREATE INDEX held SHARE on public.t (50,000 rows, 4 MB) for 120 ms: blocks INSERT/UPDATE/DELETE, DDL/VACUUM");
    }

    @Test
    void aLockTimeoutAndAnEmptyTableChangeTheVerdict() {
        StatementResult onEmpty = new StatementResult("CREATE INDEX idx ON t (a)", 1, 1, 0, null, 1, "0", "0",
                List.of(new LockHeld("public.t", "SHARE", 1, LockMode.SHARE.blocks())), List.of(), null,
                List.of(new TableStat("public.t", 0, 8192)));

        assertThat(new Analyzer(Set.of()).analyze(new MigrationFacts(List.of(createIndex(120, "2s")), 121, List.of()), "")
                .findings()).extracting(Finding::rule).containsExactly("create-index-not-concurrently");
        assertThat(new Analyzer(Set.of()).analyze(new MigrationFacts(List.of(onEmpty), 1, List.of()), "").findings()).isEmpty();
    }

    @Test
    void commentsAndThePomSilenceRules() {
        MigrationFacts facts = new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of());

        assertThat(new Analyzer(Set.of()).analyze(facts, "/* migration-profiler:ignore create-index-not-concurrently,missing-lock-timeout */")
                .findings()).isEmpty();
        assertThat(new Analyzer(Set.of("missing-lock-timeout")).analyze(facts, "").findings())
                .extracting(Finding::rule).containsExactly("create-index-not-concurrently");
    }

    @Test
    void anUnknownRuleIdIsATypo() {
        assertThatThrownBy(() -> new Analyzer(Set.of("create-index")))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("Unknown rule 'create-index'")
                .hasMessageContaining("create-index-not-concurrently");
    }

    @Test
    void everyRuleIsDocumented() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/rules.md"));
        assertThat(Rules.ALL).allSatisfy(rule -> assertThat(docs).contains("### `" + rule.id() + "`"));
    }
}
