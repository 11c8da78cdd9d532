package io.github.migrationprofiler.analysis.rules;

import io.github.migrationprofiler.result.RuleId;

/** {@code CREATE INDEX} or {@code REINDEX} on an existing table holds SHARE: writers wait for the whole build. */
final class CreateIndexNotConcurrently extends IndexBuildRule {

    CreateIndexNotConcurrently() {
        super(RuleId.CREATE_INDEX_NOT_CONCURRENTLY,
                "CREATE INDEX (or REINDEX) without CONCURRENTLY built an index on an existing table while writes were blocked",
                "Build it with CREATE INDEX CONCURRENTLY, outside a transaction (Liquibase: runInTransaction:false); "
                        + "it holds SHARE UPDATE EXCLUSIVE, which lets reads and writes go on. A failed build leaves an "
                        + "INVALID index: drop it and build again.",
                Operations.INDEX_BUILD, "built");
    }
}
