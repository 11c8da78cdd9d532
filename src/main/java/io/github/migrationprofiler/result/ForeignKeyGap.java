package io.github.migrationprofiler.result;

import java.util.List;

/** A foreign key a migration added whose referencing columns no index starts with. */
public record ForeignKeyGap(String constraint, String table, List<String> columns, String referencedTable) {
}
