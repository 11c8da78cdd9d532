package io.github.migrationprofiler.analysis;

import io.github.migrationprofiler.analysis.rules.MigrationFacts;
import io.github.migrationprofiler.analysis.rules.Rules;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.ForeignKeyGap;
import io.github.migrationprofiler.result.Kind;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.LockMode;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Work;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerTest {

    private static final Analyzer ANALYZER = analyzer(Set.of(), false);

    private static Analyzer analyzer(Set<String> disabled, boolean assumeLockTimeout) {
        return Analyzer.of(disabled, assumeLockTimeout, Rules.Lines.DEFAULTS);
    }

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
                Arrays.stream(work).map(k -> new Work(k, "public.t", null)).toList());
    }

    private static List<String> rules(StatementResult... statements) {
        return ANALYZER.analyze(new MigrationFacts(List.of(statements), 10, List.of()), "").findings().stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void measuredFactsBecomeKindAndFindings() {
        Analyzer.Analysis analysis = ANALYZER.analyze(new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of()), "");

        assertThat(analysis.kind()).isEqualTo(Kind.MEDIUM);
        assertThat(analysis.findings()).extracting(f -> f.rule().id()).containsExactly("create-index-not-concurrently", "missing-lock-timeout");
        assertThat(analysis.findings().get(0).message())
                .isEqualTo("Built idx holding SHARE on public.t (50,000 rows, 4 MB) for 120 ms: blocks INSERT/UPDATE/DELETE, DDL/VACUUM");
        assertThat(analysis.findings().get(1).message()).startsWith("SHARE on public.t was requested at line 1 with lock_timeout = 0");
    }

    @Test
    void aTableThatExistedCountsEvenEmptyOneCreatedHereDoesNot() {
        TableStat empty = new TableStat("public.t", 0, 8192);

        assertThat(ANALYZER.analyze(new MigrationFacts(List.of(createIndex("idx", 1, "0", empty)), 1, List.of()), "").findings())
                .extracting(f -> f.rule().id()).containsExactly("create-index-not-concurrently", "missing-lock-timeout");
        assertThat(ANALYZER.analyze(new MigrationFacts(List.of(createIndex("idx", 1, "0", empty.createdHere())), 1, List.of()), "")
                .findings()).isEmpty();
        assertThat(rules(createIndex(120, "2s"))).containsExactly("create-index-not-concurrently");
    }

    @Test
    void aForeignKeyWithoutIndexWarnsOnAnExistingTableAndIsInformationOnANewOne() {
        ForeignKeyGap gap = new ForeignKeyGap("t_parent_fk", "public.t", List.of("parent_id"), "public.parent");
        StatementResult onExisting = alter("alter table public.t add foreign key (parent_id) references parent not valid", 1,
                LockMode.SHARE_ROW_EXCLUSIVE);
        StatementResult created = new StatementResult("create table public.t (id int, parent_id int references parent)", 1, 5, 0,
                null, 1, "2s", "0", List.of(), List.of(), null, List.of(new TableStat("public.t", 0, 8192).createdHere()), List.of());

        Finding existing = ANALYZER.analyze(new MigrationFacts(List.of(onExisting), 5, List.of(gap)), "").findings().stream()
                .filter(f -> f.rule().id().equals("foreign-key-without-index")).findFirst().orElseThrow();
        Finding fresh = ANALYZER.analyze(new MigrationFacts(List.of(created), 5, List.of(gap)), "").findings().get(0);

        assertThat(existing.severity()).isEqualTo(Severity.WARNING);
        assertThat(fresh.severity()).isEqualTo(Severity.INFO);
        assertThat(fresh.message()).endsWith("(created by this migration: empty until it fills)");
    }

    @Test
    void aSecondTruncateUnderTheFirstOnesLocksIsNoWorkHeldUp() {
        TableStat a = new TableStat("public.a", 50_000, 4 << 20);
        TableStat b = new TableStat("public.b", 50_000, 4 << 20);
        LockHeld onA = new LockHeld("public.a", "ACCESS EXCLUSIVE", 3, LockMode.ACCESS_EXCLUSIVE.blocks());
        LockHeld onB = new LockHeld("public.b", "ACCESS EXCLUSIVE", 3, LockMode.ACCESS_EXCLUSIVE.blocks());
        StatementResult both = new StatementResult("truncate a, b", 1, 2, 0, null, 1, "2s", "0", List.of(onA, onB),
                List.of("public.a", "public.b"), null, List.of(a, b), List.of());
        StatementResult again = new StatementResult("truncate a", 2, 1, 0, null, 1, "2s", "0", List.of(onA), List.of("public.a"),
                null, List.of(a), List.of());

        assertThat(rules(both, again)).doesNotContain("stacked-access-exclusive");
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

        assertThat(analysis.findings()).extracting(f -> f.rule().id())
                .containsExactly("set-not-null-scan", "missing-lock-timeout"); // the scan is reported once, with the lock
        assertThat(analysis.findings().get(0).message()).contains("ACCESS EXCLUSIVE on public.t", "taken earlier in the same transaction");
        assertThat(rules(addCheck, alter("ALTER TABLE t ALTER COLUMN bar SET NOT NULL", 2, null, Work.Kind.SCAN)))
                .containsExactly("missing-lock-timeout");
    }

    @Test
    void oneFindingPerRuleNamesEverySubject() {
        StatementResult[] typeChanges = IntStream.range(0, 9).mapToObj(i -> new StatementResult(
                "ALTER TABLE t ALTER COLUMN c" + i + " TYPE bigint", i + 1, 100, 0, null, 1, "0", "0",
                List.of(new LockHeld("public.t", "ACCESS EXCLUSIVE", 900 - i * 100, LockMode.ACCESS_EXCLUSIVE.blocks())),
                List.of("public.t"), null, List.of(new TableStat("public.t", 50_000, 4 << 20)))).toArray(StatementResult[]::new);

        List<Finding> findings = ANALYZER.analyze(new MigrationFacts(List.of(typeChanges), 900, List.of()), "").findings();

        assertThat(findings).filteredOn(f -> f.rule().id().equals("column-type-rewrite")).singleElement().satisfies(f -> {
            assertThat(f.subjects()).hasSize(9).startsWith("public.t.c0").endsWith("public.t.c8");
            assertThat(f.message()).contains("likewise public.t.c1, public.t.c2", "(9 in all, 900 ms together)");
        });
        assertThat(findings).extracting(f -> f.rule().id()).doesNotHaveDuplicates();
    }

    @Test
    void commentsThePomAndAssumedLockTimeoutsSilenceRules() {
        MigrationFacts facts = new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of());

        assertThat(ANALYZER.analyze(facts, "/* migration-profiler:ignore create-index-not-concurrently,missing-lock-timeout */")
                .findings()).isEmpty();
        assertThat(analyzer(Set.of("missing-lock-timeout"), false).analyze(facts, "").findings())
                .extracting(f -> f.rule().id()).containsExactly("create-index-not-concurrently");
        assertThat(analyzer(Set.of(), true).analyze(facts, "").findings())
                .extracting(f -> f.rule().id()).containsExactly("create-index-not-concurrently");
    }

    @Test
    void anUnknownRuleInASuppressionCommentIsSaidAndSilencesNothing() {
        MigrationFacts facts = new MigrationFacts(List.of(createIndex(120, "0")), 121, List.of());

        Analyzer.Analysis analysis = ANALYZER.analyze(facts, "-- migration-profiler:ignore create-index, missing-lock-timeout");

        assertThat(analysis.findings()).extracting(f -> f.rule().id()).containsExactly("create-index-not-concurrently");
        assertThat(analysis.warnings()).singleElement().asString()
                .startsWith("Unknown rule 'create-index' in a migration-profiler:ignore comment; the rules are create-index-not-concurrently");
    }

    @Test
    void anUnknownRuleIdIsATypo() {
        assertThatThrownBy(() -> analyzer(Set.of("create-index"), false))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("Unknown rule 'create-index'")
                .hasMessageContaining("create-index-not-concurrently");
    }
}
