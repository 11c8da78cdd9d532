package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a branch changed, asked of a real git repository made for the test. */
class GitChangesTest {

    @TempDir
    Path repo;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    /** A changelog of three changesets (lines 1, 4, 7) and two SQL files, as a migration source reports them. */
    private static final List<Migration> MIGRATIONS = List.of(
            new Migration("1", "a", "db/changelog.sql", 1), new Migration("2", "a", "db/changelog.sql", 4),
            new Migration("3", "a", "db/changelog.sql", 7), new Migration("V1__a.sql", null, "sql/V1__a.sql", 1),
            new Migration("V2__b.sql", null, "sql/V2__b.sql", 1));

    private static final String CHANGELOG = """
            --changeset a:1
            CREATE TABLE t (id int);

            --changeset a:2
            ALTER TABLE t ADD COLUMN x int;

            --changeset a:3
            CREATE INDEX t_x ON t (x);
            """;

    @Test
    void reviewsWhatTheBranchChangedCommittedOrNot() throws Exception {
        write("db/changelog.sql", CHANGELOG);
        write("sql/V1__a.sql", "SELECT 1;\n");
        git("init");
        git("add", ".");
        git("commit", "-m", "base");
        git("checkout", "-b", "feature");
        write("db/changelog.sql", CHANGELOG.replace("ADD COLUMN x int", "ADD COLUMN x bigint"));
        git("commit", "-am", "change changeset 2");
        write("sql/V2__b.sql", "SELECT 2;\n"); // untracked, not committed

        Predicate<Migration> changed = GitChanges.since(repo, "main").changedIn(sourceIn(repo), repo);

        assertThat(MIGRATIONS.stream().filter(changed).map(Migration::id)).containsExactly("2", "V2__b.sql");
    }

    @Test
    void outsideAWorkTreeOrWithAnUnknownRefItSaysWhatToDo(@TempDir Path elsewhere) throws Exception {
        assertThatThrownBy(() -> GitChanges.since(elsewhere, "main"))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("needs a git work tree");
        write("a.sql", "SELECT 1;");
        git("init");
        git("add", ".");
        git("commit", "-m", "base");
        assertThatThrownBy(() -> GitChanges.since(repo, "origin/nope"))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("'origin/nope' is no commit git knows here");
    }

    /** The source, reading its files from the repository. */
    private MigrationSource sourceIn(Path dir) {
        return new MigrationSource() {
            @Override public String describe() { return "test"; }
            @Override public List<Migration> migrations() { return MIGRATIONS; }
            @Override public void apply(Connection c, MigrationListener l, Set<Migration> done) { }
            @Override public int locate(Migration m, String sql, int from) { return from; }
            @Override public String text(Migration m) {
                try {
                    return Files.readString(dir.resolve(m.source()));
                } catch (IOException e) {
                    return "";
                }
            }
        };
    }
}
