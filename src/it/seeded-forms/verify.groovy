import groovy.json.JsonSlurper

def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
def byId = json.migrations.collectEntries { [(it.id): it] }

assert json.migrations.every { it.status == 'PASSED' } : json.migrations.collect { "${it.id} ${it.status} ${it.error}" }

// every backfill meets the seeded rows, none runs on an empty table
def updates = { id -> byId[id].statements.findAll { it.sql.startsWith('UPDATE') } }
assert updates('V2__run_uuid.sql')*.rowsAffected == [2000]
assert updates('V3__updated_at.sql')*.rowsAffected == [2000]
assert updates('V4__account_tier.sql')[0].rowsAffected > 0
assert updates('V5__lower_email.sql')*.rowsAffected == [2000]

// the cast is data-dependent: production's run_id values pass only if they are UUIDs
def cast = byId['V2__run_uuid.sql'].findings.find { it.rule == 'data-dependent' }
assert cast != null && cast.message.contains("run_id is not a valid uuid") : byId['V2__run_uuid.sql'].findings
assert byId['V3__updated_at.sql'].findings.any { it.rule == 'data-dependent' && it.message.contains("'YYYY-MM-DD\"T\"HH24:MI:SS'") }
assert byId['V4__account_tier.sql'].findings.any { it.rule == 'data-dependent' && it.message.contains("the backfill left any row's tier NULL") }
assert !byId['V5__lower_email.sql'].findings.any { it.rule == 'data-dependent' }

// results.json says which form the seeder gave run_id, and where it learned it
def events = json.seed.tables.find { it.table == 'public.events' }
assert events.columns.any { it.column == 'run_id' && it.form == 'uuid, from V2__run_uuid.sql:2' } : events
true
