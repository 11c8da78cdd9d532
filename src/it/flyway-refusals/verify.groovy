import groovy.json.JsonSlurper

def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Detected both transactional and non-transactional statements within the same migration')
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.migrations*.id == ['V1__items.sql', 'V2__title_index.sql']
assert json.migrations*.status == ['PASSED', 'FAILED']
// as Flyway refuses it, nothing of it ran: the column is not half-added
assert json.migrations[1].statements.isEmpty()
true
