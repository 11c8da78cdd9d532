import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
def log = new File(basedir, 'build.log').text

assert log.contains('2 migration(s) changed since main')
assert json.baseline == ['V1__orders.sql']
assert json.migrations*.id == ['V2__index_status.sql', 'V3__note.sql']
assert json.migrations.every { it.status == 'PASSED' }
assert json.migrations[0].statements[0].sql.contains('(status, created_at)')
true
