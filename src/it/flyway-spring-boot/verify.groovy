import groovy.json.JsonSlurper

def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('spring.flyway in src/main/resources/application.yml, src/main/resources/application-prod.properties')
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.migrations*.id == ['V1__items.sql', 'V2__index.sql']
assert json.migrations.every { it.status == 'PASSED' }
// the default file's owner, the prod profile's region
assert json.migrations[0].statements[0].sql.contains("DEFAULT 'app'") && json.migrations[0].statements[0].sql.contains("DEFAULT 'us-east'")
// the prod profile turned the transactional lock off: no hazard
assert json.migrations[1].findings.every { it.rule != 'runner-hazard' }
true
