import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))

assert json.engine.kind == 'docker'
assert json.engine.image
assert json.migrations*.status == ['PASSED', 'PASSED']
assert json.migrations[0].rowsAffected == 3000
assert log =~ /Container migration-profiler-[\w-]+ \(\S+\) ready on 127\.0\.0\.1:\d+/
assert log =~ /Removed container migration-profiler-[\w-]+/
// the random password never reaches the log
assert !(log =~ /POSTGRES_PASSWORD=/)

def left = ['docker', 'ps', '-aq', '--filter', 'label=io.github.migrationprofiler=true'].execute().text.trim()
assert left.isEmpty() : "labelled containers left: $left"
true
