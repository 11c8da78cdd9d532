package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.ProfilerException;
import io.github.migrationprofiler.profile.LockHeld;
import io.github.migrationprofiler.profile.LockMode;
import io.github.migrationprofiler.profile.StatementResult;
import io.github.migrationprofiler.profile.TableStat;
import io.github.migrationprofiler.profile.Work;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerTest {

    private static final Analyzer ANALYZER = new Analyzer(Set.of());

    private static StatementResult createIndex(String index, double heldMillis, String lockTimeout, TableStat table) {
        return new StatementResult("create index " + index + " on public.t (a)", 1, heldMillis, 0, null, 1, lockTimeout, "0",
                List.of(new LockHeld("public.t", "SHARE", heldMillis, LockMode.SHARE.blocks())), List.of(), null,
                List.of(table), List.of(new Work(Work.Kind.INDEX_BUILD, "public.t", index)));
    }

    private static StatementResult createIndex(double heldMillis, String lockTimeout) {
        return createIndex("idx", heldMillis, lockTimeout, new TableStat("public.t", 50_000, 4 << 20));
    }

    private static StatementResult alter(String sql, int transaction, LockMode mode, Work.Kind... work) {
        List<LockHeld> locks = mode == null ? List.of() : List.of(new LockHeld("public.t", mode.display(), 5, mode.blocks()));
        return new StatementResult(sql, 1, 5, 0, null, transaction, "0", "0", locks, List.of(), null,
                List.of(new TableStat("public.t", 50_000, 4 << 20)),
                java.util.Arrays.stream(work).map(k -> new Work(k, "public.t", null)).toList());
    }

    private static List<String> rules(StatementResult... statements) {
        return ANALYZER.analyze(new MigrationFacts(List.of(statements), 10, List.of()), "").findings().stream().map(Finding::rule).toList();
    }

    @Test
    void measuredFactsBecomeKindAndFindings() {
        Analyzer.Analysis analysis = ANALYZER.analyze(new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of()), "");

        assertThat(analysis.kind()).isEqualTo(Kind.MEDIUM);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly("create-index-not-concurrently", "missing-lock-timeout");
        assertThat(analysis.findings().get(0).message())
                .isEqualTo("Built idx holding SHARE on public.t (50,000 rows, 4 MB) for 120 ms: blocks INSERT/UPDATE/DELETE, DDL/VACUUM");
        assertThat(analysis.findings().get(1).message()).startsWith("SHARE on public.t was requested at line 1 with lock_timeout = 0");
    }

    @Test
    void aTableThatExistedCountsEvenEmptyOneCreatedHereDoesNot() {
        TableStat empty = new TableStat("public.t", 0, 8192);

        assertThat(ANALYZER.analyze(new MigrationFacts(List.of(createIndex("idx", 1, "0", empty)), 1, List.of()), "").findings())
                .extracting(Finding::rule).containsExactly("create-index-not-concurrently", "missing-lock-timeout");
        assertThat(ANALYZER.analyze(new MigrationFacts(List.of(createIndex("idx", 1, "0", empty.createdHere())), 1, List.of()), "")
                .findings()).isEmpty();
        assertThat(rules(createIndex(120, "2s"))).containsExactly("create-index-not-concurrently");
    }

    @Test
    void setNotNullIsAScanOnlyWhenTheServerScanned() {
        assertThat(rules(alter("ALTER TABLE t ALTER COLUMN bar SET NOT NULL", 1, LockMode.ACCESS_EXCLUSIVE, Work.Kind.SCAN)))
                .containsExactly("set-not-null-scan", "missing-lock-timeout");
        assertThat(rules(alter("ALTER TABLE t ALTER COLUMN bar SET NOT NULL", 1, LockMode.ACCESS_EXCLUSIVE, Work.Kind.NOT_NULL_PROVEN)))
                .containsExactly("missing-lock-timeout");
    }

    @Test
    void workUnderALockTakenEarlierInTheTransactionIsJudgedWithThatLock() {
        StatementResult addCheck = alter("ALTER TABLE t ADD CONSTRAINT c CHECK (bar IS NOT NULL) NOT VALID", 1, LockMode.ACCESS_EXCLUSIVE);
        StatementResult setNotNull = alter("ALTER TABLE t ALTER COLUMN bar SET NOT NULL", 1, null, Work.Kind.SCAN);

        Analyzer.Analysis analysis = ANALYZER.analyze(new MigrationFacts(List.of(addCheck, setNotNull), 10, List.of()), "");

        assertThat(analysis.findings()).extracting(Finding::rule)
                .containsExactly("set-not-null-scan", "missing-lock-timeout"); // the scan is reported once, with the lock
        assertThat(analysis.findings().get(0).message()).contains("ACCESS EXCLUSIVE on public.t", "taken earlier in the same transaction");
        assertThat(rules(addCheck, alter("ALTER TABLE t ALTER COLUMN bar SET NOT NULL", 2, null, Work.Kind.SCAN)))
                .containsExactly("missing-lock-timeout");
    }

    @Test
    void oneFindingPerRuleNamesEverySubject() {
        StatementResult[] typeChanges = java.util.stream.IntStream.range(0, 9).mapToObj(i -> new StatementResult(
                "ALTER TABLE t ALTER COLUMN c" + i + " TYPE bigint", i + 1, 100, 0, null, 1, "0", "0",
                List.of(new LockHeld("public.t", "ACCESS EXCLUSIVE", 900 - i * 100, LockMode.ACCESS_EXCLUSIVE.blocks())),
                List.of("public.t"), null, List.of(new TableStat("public.t", 50_000, 4 << 20)))).toArray(StatementResult[]::new);

        List<Finding> findings = ANALYZER.analyze(new MigrationFacts(List.of(typeChanges), 900, List.of()), "").findings();

        assertThat(findings).filteredOn(f -> f.rule().equals("column-type-rewrite")).singleElement().satisfies(f -> {
            assertThat(f.subjects()).hasSize(9).startsWith("public.t.c0").endsWith("public.t.c8");
            assertThat(f.message()).contains("likewise public.t.c1, public.t.c2", "(9 in all, 900 ms together)");
        });
        assertThat(findings).extracting(Finding::rule).doesNotHaveDuplicates();
    }

    @Test
    void commentsThePomAndAssumedLockTimeoutsSilenceRules() {
        MigrationFacts facts = new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of());

        assertThat(ANALYZER.analyze(facts, "/* migration-profiler:ignore create-index-not-concurrently,missing-lock-timeout */")
                .findings()).isEmpty();
        assertThat(new Analyzer(Set.of("missing-lock-timeout")).analyze(facts, "").findings())
                .extracting(Finding::rule).containsExactly("create-index-not-concurrently");
        assertThat(Analyzer.of(Set.of(), true).analyze(facts, "").findings())
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
