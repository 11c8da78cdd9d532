package io.github.migrationprofiler.report;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.migrationprofiler.result.Comparison;
import io.github.migrationprofiler.result.Finding;
import io.github.migrationprofiler.result.FlywayInfo;
import io.github.migrationprofiler.result.LockHeld;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.Projection;
import io.github.migrationprofiler.result.Rollback;
import io.github.migrationprofiler.result.RuleId;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import io.github.migrationprofiler.result.Severity;
import io.github.migrationprofiler.result.SqlError;
import io.github.migrationprofiler.result.StatementResult;
import io.github.migrationprofiler.result.TableStat;
import io.github.migrationprofiler.result.Traffic;
import io.github.migrationprofiler.result.VersionMatrix;
import io.github.migrationprofiler.result.Work;

import java.util.List;
import java.util.Map;

/**
 * The format of {@code results.json}, stated in one place: the order of the top-level fields,
 * which fields are left out when empty, absent or at their default, and how the enums are spelled.
 * The result records carry no JSON annotations of their own; each one's field names are its
 * components' names, and {@code docs/results.schema.json}, which the tests validate every
 * written file against, says what each holds. Renaming a component therefore fails a test
 * rather than quietly changing the published format.
 */
final class ResultsFormat {

    private ResultsFormat() {
    }

    /** The mapper that writes and reads {@code results.json}. */
    static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .addMixIn(RunResult.class, Run.class)
                .addMixIn(RunResult.Timing.class, OnlyWhatIsSet.class)
                .addMixIn(RunResult.Engine.class, OnlyWhatIsSet.class)
                .addMixIn(RunResult.GateSummary.class, Gate.class)
                .addMixIn(SeedSummary.class, Seed.class)
                .addMixIn(SeedSummary.TableSeed.class, TableSeed.class)
                .addMixIn(SeedSummary.Gap.class, WithoutAbsent.class)
                .addMixIn(MigrationResult.class, Migration.class)
                .addMixIn(StatementResult.class, Statement.class)
                .addMixIn(SqlError.class, WithoutAbsent.class)
                .addMixIn(FlywayInfo.class, WithoutAbsent.class)
                .addMixIn(TableStat.class, Table.class)
                .addMixIn(Work.class, WithoutAbsent.class)
                .addMixIn(Work.Kind.class, Spelled.class)
                .addMixIn(Projection.class, ProjectionFormat.class)
                .addMixIn(Projection.Model.class, Spelled.class)
                .addMixIn(Traffic.class, TrafficFormat.class)
                .addMixIn(Comparison.class, WithoutAbsent.class)
                .addMixIn(Comparison.Row.class, WithoutAbsent.class)
                .addMixIn(VersionMatrix.Profiled.class, WithoutAbsent.class)
                .addMixIn(Rollback.class, OnlyWhatIsSet.class)
                .addMixIn(Severity.class, Spelled.class)
                .addMixIn(RuleId.class, RuleIdFormat.class)
                .build();
    }

    @JsonPropertyOrder({"schemaVersion", "startedAt", "engine", "database", "source", "error", "gate", "timing", "seed", "baseline",
            "migrations", "totals", "comparison", "warnings", "versions"})
    @JsonInclude(Include.NON_NULL)
    private interface Run {
        @JsonInclude(Include.NON_EMPTY)
        List<String> warnings();
    }

    /** Fields without a value, and empty lists and maps, are left out. */
    @JsonInclude(Include.NON_EMPTY)
    private interface OnlyWhatIsSet {
    }

    /** Fields without a value are left out. */
    @JsonInclude(Include.NON_NULL)
    private interface WithoutAbsent {
    }

    private interface Gate {
        @JsonInclude(Include.NON_EMPTY)
        List<String> reasons();
    }

    @JsonInclude(Include.NON_NULL)
    private interface Seed {
        @JsonInclude(Include.NON_EMPTY)
        List<SeedSummary.Gap> gaps();

        @JsonInclude(Include.NON_EMPTY)
        List<SeedSummary.Gap> thin();
    }

    @JsonInclude(Include.NON_NULL)
    private interface TableSeed {
        @JsonInclude(Include.NON_EMPTY)
        List<SeedSummary.ColumnForm> columns();
    }

    @JsonInclude(Include.NON_NULL)
    private interface Migration {
        @JsonInclude(Include.NON_EMPTY)
        List<String> warnings();

        @JsonInclude(Include.NON_EMPTY)
        List<Finding> findings();

        @JsonInclude(Include.NON_EMPTY)
        List<String> reasons();
    }

    @JsonInclude(Include.NON_NULL)
    private interface Statement {
        @JsonInclude(Include.NON_EMPTY)
        List<LockHeld> locks();

        @JsonInclude(Include.NON_EMPTY)
        List<String> rewrites();

        @JsonInclude(Include.NON_EMPTY)
        List<TableStat> tableStats();

        @JsonInclude(Include.NON_EMPTY)
        List<Work> work();
    }

    private interface Table {
        /** Only {@code true} is written: nothing waits for a table the migration made. */
        @JsonInclude(Include.NON_DEFAULT)
        boolean created();
    }

    @JsonInclude(Include.NON_NULL)
    private interface ProjectionFormat {
        @JsonInclude(Include.NON_DEFAULT)
        boolean lowConfidence();

        @JsonInclude(Include.NON_EMPTY)
        List<String> notes();
    }

    @JsonInclude(Include.NON_NULL)
    private interface TrafficFormat {
        @JsonInclude(Include.NON_EMPTY)
        Map<String, Integer> errors();

        @JsonInclude(Include.NON_DEFAULT)
        boolean retryNeeded();
    }

    /** An enum written as its {@code json()} spelling: {@code error}, {@code index-build}, {@code a + b·n}. */
    private interface Spelled {
        @JsonValue
        String json();
    }

    /** A rule written as its id: {@code table-rewrite}. */
    private interface RuleIdFormat {
        @JsonValue
        String id();
    }
}
