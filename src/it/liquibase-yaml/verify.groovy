import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
def results = new File(basedir, 'target/migration-profiler/results.json')
assert results.isFile() : 'results.json is written'
def json = new JsonSlurper().parse(results)

assert json.schemaVersion == 3
assert json.engine.kind == 'embedded'
assert json.engine.serverVersion.startsWith('17.')
assert json.database ==~ /test_migration_\d{8}_\d{6}_[a-z0-9]{6}/
// the context filter keeps the test-only changeset out: reported as skipped, with Liquibase's reason, not profiled
assert json.migrations*.id == ['001-users', '001-fixtures', '002-seed-and-backfill']
assert json.migrations*.status == ['PASSED', 'SKIPPED', 'PASSED']
assert json.migrations[1].skipped == "Context does not match 'prod'"
def applied = json.migrations.findAll { it.status == 'PASSED' }
assert applied.every { it.millis > 0 }
assert json.seed == null
assert applied.every { it.warnings == ['seed.scale=0: measured on empty tables, so runtimes and locks say little about production'] }
assert log.contains('[WARNING] seed.scale=0: measured on empty tables')
def backfill = json.migrations[2]
assert backfill.source == 'src/main/resources/db/changelog/changes/002-backfill.yaml'
assert backfill.statements*.rowsAffected == [2000, 0, 1000]
assert backfill.rowsAffected == 3000
assert json.totals.migrations == 2 && json.totals.failed == 0 && json.totals.skipped == 1

assert log =~ /PASSED 002-seed-and-backfill \(it\)\s+[\d.]+ ms\s+3000 rows/
assert log.contains('Results: ' + results.canonicalPath) || log.contains('Results: ' + results.absolutePath)
assert log.contains('Dropped scratch database ' + json.database)
assert !log.contains('only-in-test')
true
