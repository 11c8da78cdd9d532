package io.github.migrationprofiler.result;

/**
 * A migration as Flyway lists it, when Flyway runs it.
 *
 * @param version     its version; {@code null} for a repeatable migration
 * @param description its description
 * @param type        {@code SQL}, {@code JDBC}, {@code SQL_BASELINE}, …
 */
public record FlywayInfo(String version, String description, String type) {
}
