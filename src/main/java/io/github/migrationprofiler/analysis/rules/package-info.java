/**
 * The rules, one class per {@link io.github.migrationprofiler.result.RuleId}, each with
 * example migrations (src/test/resources/rules) that a test runs and docs/rules.md shows; the
 * facts they read and the SQL operations they tell apart. Uses {@code result}, {@code config}
 * and {@code support}.
 */
package io.github.migrationprofiler.analysis.rules;
