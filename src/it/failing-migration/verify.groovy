import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Migration failed: src/main/resources/db/migration/V2__broken.sql:2 (file V2__broken.sql, line 2, column 8): '
        + 'SQLSTATE 42P01: relation "acounts" does not exist')
// cleaned up although the build failed
assert log =~ /Dropped scratch database test_migration_\d{8}_\d{6}_[a-z0-9]{6}/
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.migrations*.status == ['PASSED', 'FAILED']
assert json.migrations[1].error.sqlState == '42P01'
assert !log.contains('V3__never_runs.sql')
true
