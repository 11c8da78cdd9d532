import groovy.json.JsonSlurper

// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def log = new File(basedir, 'build.log').text
assert log.contains("Running the migrations with Flyway")
assert log.contains("flyway-maven-plugin's configuration in pom.xml")
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
assert json.source.startsWith('Flyway project')

// Flyway's versions in Flyway's order: the Java migration in its place, the PostgreSQL folder only,
// no callback, undo or misnamed file among them
assert json.migrations*.id == ['V1__orders.sql', 'V2__shipped.sql', 'db.migration.V3__Notes', 'V4__note_index.sql', 'V5__paid_at.sql',
                            'V6__order_age.sql', 'V7__seed_states.sql']
assert json.migrations*.flyway*.version == ['1', '2', '3', '4', '5', '6', '7']
assert json.migrations*.flyway*.type == ['SQL', 'SQL', 'JDBC', 'SQL', 'SQL', 'SQL', 'SQL']
assert json.migrations.every { it.status == 'PASSED' }
assert json.migrations[3].source == 'src/main/resources/db/vendor/postgresql/V4__note_index.sql'
assert json.migrations[0].statements[2].sql.contains("DEFAULT 'shop_app'") // the placeholder, replaced

// the beforeEachMigrate callback's lock_timeout is part of each migration, as Flyway runs it
def paidAt = json.migrations[4]
assert paidAt.statements*.sql == ["SET lock_timeout = '2s'", 'ALTER TABLE orders ADD COLUMN paid_at timestamptz']
assert !(paidAt.findings ?: [])*.rule.contains('missing-lock-timeout')

// Flyway's default transactional lock would make the concurrent index wait forever: said, not hung
def index = json.migrations[3]
def hazard = index.findings.find { it.rule == 'runner-hazard' }
assert hazard != null && hazard.message.contains('postgresql.transactional.lock')
// Flyway's parser keeps a BEGIN ATOMIC body whole: one statement, after the callback's
assert json.migrations[5].statements.size() == 2 && json.migrations[5].statements[1].sql.endsWith('END')
// COPY … FROM STDIN with inline rows: loaded, timed and counted like a statement
def copy = json.migrations[6].statements.find { it.sql.startsWith('COPY order_state_labels') }
assert copy != null && copy.rowsAffected == 3

// the undo file is V5's rollback, run by the plugin as Flyway's paid edition would, never a migration of its own
assert paidAt.rollback.status == 'REVERSED' && paidAt.rollback.how == 'src/main/resources/db/migration/U5__paid_at.sql'
assert paidAt.rollback.schemaRestored
assert json.migrations[0].rollback.status == 'NOT_REVERSIBLE'
assert json.migrations[2].rollback.error == 'Flyway undoes SQL migrations only, with a U file'
true
