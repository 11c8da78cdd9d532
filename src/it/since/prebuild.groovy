// Makes the project a git work tree whose branch "feature" changed V2 and added V3 since main.
def git(String... args) {
    def command = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.org', '-c', 'commit.gpgsign=false'] + args.toList()
    def process = command.execute(null, basedir)
    def out = process.text
    assert process.waitFor() == 0: "${command.join(' ')}: ${out}${process.err.text}"
}
def migrations = new File(basedir, 'src/main/resources/db/migration')
git('init', '-q')
git('checkout', '-q', '-b', 'main')
git('add', '.')
git('commit', '-q', '-m', 'base')
git('checkout', '-q', '-b', 'feature')
new File(migrations, 'V2__index_status.sql').text = 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status, created_at);\n'
git('commit', '-q', '-am', 'index the order of statuses too')
new File(migrations, 'V3__note.sql').text = 'ALTER TABLE orders ADD COLUMN note text;\n' // not committed yet
true
