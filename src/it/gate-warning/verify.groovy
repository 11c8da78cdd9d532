import groovy.xml.XmlSlurper
import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[WARNING\] Migration warning: V2__index\.sql \(src\/main\/resources\/db\/migration\/V2__index\.sql\): ran [\d.]+ ms, over the warning line of 1 ms for MEDIUM migrations/
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.gate.verdict == 'WARNING'
assert json.migrations.find { it.id == 'V2__index.sql' }.verdict == 'WARNING'
def xml = new XmlSlurper().parse(new File(basedir, 'target/migration-profiler-reports/TEST-migration-profiler.xml'))
assert xml.@failures == '0' && xml.@errors == '0' && xml.@tests == '2'
assert xml.testcase.find { it.@name == 'V2__index.sql' }.'system-out'.text().startsWith('WARNING: ran ')
assert new File(basedir, 'target/migration-profiler/summary.md').text.startsWith('## Migration profile: ⚠️ WARNING')
assert new File(basedir, 'target/migration-profiler/report.html').text.contains('<span class="badge v-WARNING">WARNING</span>')
true
