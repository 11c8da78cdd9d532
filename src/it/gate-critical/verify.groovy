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
true
