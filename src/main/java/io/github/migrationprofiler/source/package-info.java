/**
 * Where migrations come from and how they are applied, by their own runner: Liquibase
 * changelogs through Liquibase, SQL directories in Flyway order; which migrations are under
 * review. Uses {@code config} and {@code support}.
 */
package io.github.migrationprofiler.source;
