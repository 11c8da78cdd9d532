import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))

def rewrite = json.migrations.find { it.id == 'V2__public_id.sql' }
// measured on 2,500, 5,000 and 10,000 seeded orders, projected to production's 5,000,000
assert json.timing.sizes == [0.25, 0.5, 1.0]
assert rewrite.projection.points*.rows == [2500, 5000, 10000]
assert rewrite.projection.rows == 5000000 && rewrite.projection.model == 'a + b·n'
assert rewrite.millis < 2000 && rewrite.projection.millis > 2000
assert rewrite.projection.lowMillis < rewrite.projection.millis && rewrite.projection.millis < rewrite.projection.highMillis
assert rewrite.projection.lockMode == 'ACCESS EXCLUSIVE'
// the verdict judges production, and says so
assert rewrite.verdict == 'CRITICAL'
assert rewrite.reasons.any { it.contains("at production's 5,000,000 rows (projected), over the critical line of 2 s") }
assert log =~ /at 10,000 rows → about .+ at 5,000,000 rows; ACCESS EXCLUSIVE held as long/
assert log.contains('Projection: the smaller sizes cost')
def summary = new File(basedir, 'target/migration-profiler/summary.md').text
assert summary.contains('| Production (projected) |') && summary.contains('### At production size')
assert new File(basedir, 'target/migration-profiler/report.html').text.contains('Runtime against rows, measured and projected')
true
