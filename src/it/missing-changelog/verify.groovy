// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('Liquibase changelog not found: ')
assert log.contains('does-not-exist.xml')
assert log.contains('Check migration-profiler.changelog')
// labelled a configuration error, not "stopped during migrations": nothing ran
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.error.stage == 'configuration'
assert json.error.message.contains('does-not-exist.xml')
assert new File(basedir, 'target/migration-profiler/summary.md').text.contains('Configuration error, nothing ran: Liquibase changelog not found')
// a parameter that cannot be read leaves every report too, with its error
def hueg = new File(basedir, 'target/hueg/results.json')
assert io.github.migrationprofiler.report.ResultsSchema.problems(hueg.toPath(), new File(resultsSchema).toPath()).isEmpty()
def scale = new groovy.json.JsonSlurper().parse(hueg)
assert scale.error.stage == 'configuration'
assert scale.error.message.contains('hueg')
assert new File(basedir, 'target/hueg/report.html').text.contains('Configuration error, nothing ran')
assert new File(basedir, 'target/hueg-reports').listFiles().any { it.text.contains('type="configuration error"') }
// failed fast: no server was started, no scratch database created
assert !log.contains('Scratch database')
true
