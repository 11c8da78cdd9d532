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
true
