package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.Durations;
import io.github.migrationprofiler.config.FlywayOptions;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.config.TrafficOptions;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.Status;
import io.github.migrationprofiler.result.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule's example migrations, the same files docs/rules.md shows, profiled on seeded tables:
 * {@code bad.sql} gets the rule's finding, {@code good.sql} does not. Each file's first line says
 * which it is ({@code -- expect: RULE} or {@code -- expect: no RULE}); {@code setup.sql} is the
 * baseline both meet. A rule whose example needs more than the defaults here names it in its
 * {@code settings.properties} (or the example's own {@code bad.properties}, {@code good.properties}):
 * the traffic pass, a shorter long-migration line, Flyway settings ({@code flyway.*}). The
 * examples run as Flyway migrations; a {@code -- next migration} line starts another one, and
 * what follows an {@code -- undo} line is the migration's undo file ({@code U<version>__}).
 */
class RuleExamplesIT {

    static final Path EXAMPLES = Path.of("src/test/resources/rules");
    static final Path VERDICTS = Path.of("src/test/resources/verdicts");
    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    @AfterEach
    void leavesNothingBehind() throws Exception {
        server.assertLeftNothingBehind();
    }

    /** Every example file, as {@code rule-id/bad.sql} and {@code rule-id/good.sql}. */
    static Stream<String> examples() {
        return Arrays.stream(RuleId.values()).flatMap(rule -> Stream.of(rule.id() + "/bad.sql", rule.id() + "/good.sql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleGetsTheFindingItsFirstLineExpects(String example) throws IOException {
        Path file = EXAMPLES.resolve(example);
        String text = Files.readString(file);
        String rule = file.getParent().getFileName().toString();
        boolean flagged = file.getFileName().toString().equals("bad.sql");
        assertThat(text.lines().findFirst().orElseThrow()).as("first line of " + example)
                .isEqualTo("-- expect: " + (flagged ? "" : "no ") + rule);

        Properties settings = settings(file.getParent().resolve("settings.properties"));
        settings.putAll(settings(file.resolveSibling(file.getFileName().toString().replace(".sql", ".properties"))));
        List<MigrationResult> migrations = profile(text, settings);

        assertThat(migrations).as(example + " runs").allSatisfy(m -> assertThat(m.status()).isEqualTo(Status.PASSED));
        List<Finding> findings = migrations.stream().flatMap(m -> m.findings().stream()).toList();
        assertThat(findings).as(example + ": " + findings).filteredOn(f -> f.rule().id().equals(rule)).hasSize(flagged ? 1 : 0);
    }

    /** The verdict cases: migrations whose danger PostgreSQL's documentation settles, profiled with the traffic pass. */
    static Stream<String> verdictCases() throws IOException {
        try (Stream<Path> files = Files.list(VERDICTS)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * Each case's first lines say its verdict ({@code -- verdict: OK}) and every finding of
     * severity warning or error it gets ({@code -- findings: a, b}; none when empty), with the
     * traffic pass on, and Flyway's transactional lock off: following the advice earns no warning.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("verdictCases")
    void theVerdictIsTheOneTheCaseExpects(String name) throws IOException {
        String text = Files.readString(VERDICTS.resolve(name));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).as("first line of " + name).startsWith("-- verdict: ");
        assertThat(lines.get(1)).as("second line of " + name).startsWith("-- findings:");
        Verdict expected = Verdict.valueOf(lines.get(0).substring("-- verdict: ".length()).strip());
        String listed = lines.get(1).substring("-- findings:".length()).strip();
        List<String> findings = listed.isEmpty() ? List.of() : List.of(listed.split("\\s*,\\s*"));
        Properties settings = new Properties();
        settings.setProperty("traffic", "true");
        // as a team that follows the advice runs Flyway: its transactional lock would hang CONCURRENTLY (runner-hazard)
        settings.setProperty("flyway.postgresql.transactional.lock", "false");

        MigrationResult migration = profile(text, settings).get(0);

        // the pass runs where a query would wait, and where none would it says why
        assertThat(migration.traffic() != null || migration.notRun().containsKey("traffic"))
                .as(name + ": the traffic pass ran or says why it had nothing to measure; " + migration.warnings()).isTrue();
        if (name.equals("create-index-concurrently.sql")) {
            assertThat(migration.notRun()).as(name).containsEntry("traffic",
                    "SHARE UPDATE EXCLUSIVE on public.orders blocks no read or write");
        }
        assertThat(migration.findings().stream().filter(f -> f.severity() != Severity.INFO).map(f -> f.rule().id()).sorted())
                .as(name + ": " + migration.findings()).containsExactlyElementsOf(findings.stream().sorted().toList());
        assertThat(migration.verdict()).as(name + ": " + migration.reasons()).isEqualTo(expected);
    }

    @Test
    void aSelfJoinOnTwoThousandRowsIsFlaggedWithItsTimeAtTenTimesTheRows() throws IOException {
        MigrationResult rank = profile(Files.readString(EXAMPLES.resolve("superlinear-work/bad.sql")), new Properties()).get(0);

        assertThat(rank.findings()).filteredOn(f -> f.rule() == RuleId.SUPERLINEAR_WORK).singleElement()
                .satisfies(f -> assertThat(f.message()).matches("The statement at line 3 took .*, and its work grows as n\\^1\\.\\d "
                        + "\\(the plan pairs about [\\d,]+ rows from tables of at most 2,000\\): at 10× the rows \\(20,000\\) about "
                        + "\\d+× the time, .*"));
        assertThat(rank.findings()).filteredOn(f -> f.rule() == RuleId.FULL_TABLE_DML).singleElement()
                .satisfies(f -> assertThat(f.recommendation()).as("no batching advice when the join is the cost")
                        .startsWith("The cost is the join (see superlinear-work)"));
    }

    /**
     * The example as Flyway migrations after the setup: a {@code -- next migration} line starts
     * another one; an {@code -- undo} line starts the undo file of the one it is in.
     */
    private List<MigrationResult> profile(String example, Properties settings) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.copy(EXAMPLES.resolve("setup.sql"), project.resolve("db/V1__setup.sql"));
        String[] parts = example.split("(?m)^(?=-- next migration)");
        List<String> reviewed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String name = "V" + (i + 2) + "__example.sql";
            String[] undo = parts[i].split("(?m)^-- undo\n", 2);
            Files.writeString(project.resolve("db").resolve(name), undo[0]);
            if (undo.length == 2) {
                Files.writeString(project.resolve("db").resolve("U" + (i + 2) + "__example.sql"), undo[1]);
            }
            reviewed.add(name);
        }
        Map<String, String> flyway = new LinkedHashMap<>();
        settings.stringPropertyNames().stream().filter(k -> k.startsWith("flyway.")).forEach(k -> flyway.put(k, settings.getProperty(k)));
        ProfilerConfig.Builder config = server.config(project).sqlDirectory(project.resolve("db")).migrations(reviewed)
                .seed(SeedOptions.parse("2000", 7, 0.1, Map.of()))
                .flyway(new FlywayOptions(flyway, Map.of(), List.of(), List.of()))
                .traffic(Boolean.parseBoolean(settings.getProperty("traffic")) ? TrafficOptions.DEFAULTS : TrafficOptions.OFF);
        if (settings.containsKey("longMigration")) {
            config.longMigration(Durations.parse("longMigration", settings.getProperty("longMigration")));
        }
        return Profiles.profile(config.build()).migrations();
    }

    private static Properties settings(Path file) throws IOException {
        Properties settings = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                settings.load(reader);
            }
        }
        return settings;
    }
}
