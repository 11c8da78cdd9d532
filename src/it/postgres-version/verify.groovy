import groovy.json.JsonSlurper

def results(String dir) {
    def file = new File(basedir, "target/${dir}/results.json")
    def problems = io.github.migrationprofiler.report.ResultsSchema.problems(file.toPath(), new File(resultsSchema).toPath())
    assert problems.isEmpty() : problems
    new JsonSlurper().parse(file)
}

def asked = results('asked')
assert asked.engine.kind == 'embedded'
assert asked.engine.serverVersion.startsWith('15.') : asked.engine.serverVersion
assert asked.engine.versionReason == 'postgresVersion=15'
assert asked.migrations.every { it.status != 'FAILED' }

def production = results('production')
assert production.engine.serverVersion.startsWith('15.') : production.engine.serverVersion
assert production.engine.versionReason.startsWith("production's (statistics file: PostgreSQL 15.4")

def twelve = results('twelve')
assert twelve.error.stage == 'configuration'
assert twelve.error.message.contains('postgresVersion must be a PostgreSQL major of 13, 14, 15, 16, 17, 18, not 12')
def matrix = results('matrix')
assert matrix.engine.serverVersion.startsWith('14.') : 'the first major listed is the run reported'
assert matrix.versions.profiled.collect { it.major } == [14, 15]
assert matrix.versions.profiled[1].serverVersion.startsWith('15.')
assert matrix.versions.profiled[1].results == 'postgres-15/results.json'
def merge = matrix.versions.differences.find { it.migration == 'V3__credit.sql' }
assert merge.what == ['fails on 14 (SQLSTATE 42601: syntax error at or near "MERGE"), passes on 15'] : merge
assert results('matrix/postgres-15').migrations.every { it.status == 'PASSED' }
assert new File(basedir, 'target/matrix/summary.md').text.contains('- V3__credit.sql: fails on 14 (SQLSTATE 42601')
def log = new File(basedir, 'build.log').text
assert log.contains('PostgreSQL 14: Migration failed: src/main/resources/db/migration/V3__credit.sql:2')
assert !log.contains('PostgreSQL 15: Migration failed')
true
