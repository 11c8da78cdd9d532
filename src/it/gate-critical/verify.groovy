import groovy.xml.XmlSlurper
// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /Migration critical: V2__balance_bigint\.sql \(src\/main\/resources\/db\/migration\/V2__balance_bigint\.sql\): ran [\d.]+ ms, over the critical line of 1 ms/
assert log =~ /Dropped scratch database test_migration_/
def xml = new XmlSlurper().parse(new File(basedir, 'target/migration-profiler-reports/TEST-migration-profiler.xml'))
assert xml.@failures == '2'
def failure = xml.testcase.find { it.@name == 'V2__balance_bigint.sql' }.failure
assert failure.@type == 'CRITICAL'
assert failure.@message.text().contains('over the critical line of 1 ms')
assert xml.testcase.find { it.@name == 'V2__balance_bigint.sql' }.'system-out'.text().contains('[error] column-type-rewrite')
assert new File(basedir, 'target/migration-profiler/summary.md').text.startsWith('## Migration profile: ❌ CRITICAL')
// code scanning: the finding and the line crossed, at the migration's file (relative to the repository) and line
def json = new groovy.json.JsonSlurper()
def sarif = json.parse(new File(basedir, 'target/migration-profiler/migration-profiler.sarif'))
assert sarif.version == '2.1.0'
def rewrite = sarif.runs[0].results.find { it.ruleId == 'column-type-rewrite' }
assert rewrite.level == 'error'
def where = rewrite.locations[0].physicalLocation
assert where.artifactLocation.uri.endsWith('gate-critical/src/main/resources/db/migration/V2__balance_bigint.sql')
assert !where.artifactLocation.uri.startsWith('/')
assert where.region.startLine == 1
def gitlab = json.parse(new File(basedir, 'target/migration-profiler/gl-code-quality-report.json'))
def threshold = gitlab.find { it.check_name == 'threshold' && it.description.startsWith('V2__balance_bigint.sql: ') }
assert threshold.severity == 'critical'
assert threshold.description.contains('over the critical line of 1 ms')
assert threshold.location.path == where.artifactLocation.uri
assert threshold.location.lines.begin == 1
true
