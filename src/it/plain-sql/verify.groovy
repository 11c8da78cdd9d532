import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))

assert json.source.startsWith('SQL directory src/main/resources/db/migration')
assert new File(basedir, 'build.log').text.contains('by name, one transaction each, as psql would')
assert json.migrations*.id == ['001_orders.sql', '002_close_old_orders.sql', '003_index_status.sql', '004_grade.sql']
assert json.migrations.every { it.status == 'PASSED' }
def orders = json.migrations[0]
assert orders.statements*.line == [1, 6]
assert orders.statements[1].rowsAffected == 5000
def doBlock = json.migrations[1].statements
assert doBlock.size() == 1 && doBlock[0].line == 2 && doBlock[0].sql.contains("RAISE NOTICE 'closed % orders; done'")
def index = json.migrations[2].statements
assert index*.sql == ['CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status)',
                      "UPDATE orders SET note = NULL WHERE status = 'closed'"]
assert index*.line == [2, 3]
assert index[1].rowsAffected == 1000
def grade = json.migrations[3].statements
assert grade.size() == 2 && grade[0].sql.endsWith('END') && grade[0].line == 2 && grade[1].line == 7
true
