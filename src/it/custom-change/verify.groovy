import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
// the custom change ran from the jar given as a plugin dependency, on the seeded orders
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.migrations*.id == ['1-orders', '2-total', '3-backfill']
assert json.migrations*.status == ['PASSED', 'PASSED', 'PASSED']
def backfill = json.migrations[2]
assert backfill.rowsAffected > 0 : 'the UPDATE of the custom change is measured'
assert backfill.statements[0].sql.startsWith('UPDATE orders o SET total')
true
