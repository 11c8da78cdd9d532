// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('Liquibase changelog not found: ')
assert log.contains('does-not-exist.xml')
assert log.contains('Check migration-profiler.changelog')
// failed fast: no server was started, no scratch database created
assert !log.contains('Scratch database')
true
