import groovy.json.JsonSlurper

def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def json = new JsonSlurper().parse(new File(basedir, 'target/migration-profiler/results.json'))
// on an empty database Flyway starts from the baseline migration, then the later versions
assert json.migrations*.id == ['B2__baseline.sql', 'V3__note.sql']
assert json.migrations*.flyway*.type == ['SQL_BASELINE', 'SQL']
assert json.migrations.every { it.status == 'PASSED' }
// what Flyway leaves out is named in the report; the undo and the misnamed file are no migrations at all
assert json.warnings.any { it.startsWith('Flyway leaves out V1__items.sql') }
assert json.warnings.any { it.startsWith('Flyway leaves out V2__price.sql') }
assert !json.migrations*.id.contains('U3__note.sql') && !json.migrations*.id.contains('V4_typo.sql')
true
