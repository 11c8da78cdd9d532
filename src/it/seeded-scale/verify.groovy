import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))

assert json.seed.scale == 'small'
assert json.seed.childRows == 10000
assert json.seed.random == 42
// invoices is referenced by nobody: the full scale; customers, one level up, a quarter; plans overridden in the pom
assert json.seed.tables.collectEntries { [it.table, it.rows] } == ['public.plans': 3, 'public.customers': 2500, 'public.invoices': 10000]
// and plans, under 1 % of the scale, is listed so
assert json.seed.thin*.table == ['public.plans']
assert json.seed.millis > 0
// the backfill ran on the seeded invoices: some, not all, were paid
def backfill = json.migrations.find { it.id == 'V2__backfill_paid_at.sql' }
assert backfill.statements[1].rowsAffected > 0 && backfill.statements[1].rowsAffected < 10000
assert json.migrations.every { !it.warnings }
// timed in the clean pass, three times on fresh copies, with production's durability
assert json.timing.pass == 'clean' && json.timing.iterations == 3
assert json.timing.settings == [fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on']
assert json.migrations.every { it.iterations.count == 3 && it.millis == it.iterations.medianMillis && it.instrumentedMillis > 0 }
assert backfill.statements.every { it.iterations.count == 3 }
assert new File(basedir, 'target/migration-profiler/summary.md').text.contains('3 runs)')
// the traffic pass ran it against reads and writes on invoices, behind a 1-second report query
assert backfill.traffic.tables == ['public.invoices'] && backfill.traffic.clients == 4 && backfill.traffic.queries > 100
assert backfill.traffic.longQueryMillis >= 1000
assert log.contains('Traffic pass: 1 migration(s)')
assert log =~ /Seeded public\.invoices\s+10,000 rows in/
assert log.contains('Planning small scale (10,000 child rows) on a rehearsal of the migrations')
true
