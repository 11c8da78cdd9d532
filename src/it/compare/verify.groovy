import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))

// the first build failed on the regression, naming it with its figures
assert log =~ /Migration regressed: V2__slow\.sql 10\.0 ms → \d+\.\d ms \(\+\d+\.\d %, beyond 50 %\)/
// the compare goal rewrote the results with the second baseline: an improvement, the first migration within the noise
def rows = json.comparison.rows.collectEntries { [it.migration, it.change] }
assert rows == ['V1__orders.sql': 'UNCHANGED', 'V2__slow.sql': 'IMPROVED', 'V0__dropped_since.sql': 'REMOVED']
assert json.comparison.baseline == 'baseline-slow.json'
def summary = new File(basedir, 'target/migration-profiler/summary.md').text
assert summary.contains('**Against `baseline-slow.json`:** 1 improved, 0 regressed, 1 unchanged, 0 new, 1 removed')
assert summary.contains('| `V2__slow.sql` | 30.00 s |')
assert new File(basedir, 'target/migration-profiler/report.html').text.contains('<h3>Against baseline-slow.json</h3>')
true
