import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Migration critical: V2__slow.sql (src/main/resources/db/migration/V2__slow.sql): cancelled after 1 s by the timeout (statement_timeout)')
assert log.contains('SQLSTATE 57014: canceling statement due to statement timeout')
assert log =~ /Dropped scratch database test_migration_/
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
def slow = json.migrations.find { it.id == 'V2__slow.sql' }
assert slow.verdict == 'CRITICAL' && slow.status == 'FAILED'
assert slow.error.line == 2
assert slow.statements[1].sql == 'SELECT pg_sleep(30)'
assert slow.statements[1].statementTimeout == '1s'
assert !json.migrations.any { it.id == 'V3__never.sql' }
true
