// the file follows the published format (docs/results.schema.json)
def schemaProblems = io.github.migrationprofiler.report.ResultsSchema.problems(
        new File(basedir, 'target/migration-profiler/results.json').toPath(), new File(resultsSchema).toPath())
assert schemaProblems.isEmpty() : schemaProblems
def page = new File(basedir, 'target/site/migration-profiler.html')
assert page.isFile() : 'mvn site writes the report page'
def html = page.text
assert html.contains('Migration profile')
assert html.contains('aria-label="Runtime per migration"')
assert html.contains('create-index-not-concurrently')
assert html.contains('V2__index.sql')
// the standalone report shows the same migrations
assert new File(basedir, 'target/migration-profiler/report.html').text.contains('create-index-not-concurrently')
true
