package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a branch changed since it left a git ref, as a pull request shows it: files added or
 * changed between the merge base and the work tree (committed or not, untracked included), with
 * the lines changed. It asks the {@code git} command line, which every CI checkout has.
 */
public final class GitChanges {

    private static final Pattern FILE = Pattern.compile("^\\+\\+\\+ (?:b/)?(.+?)\\t?$");
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@.*");
    private static final long TIMEOUT_SECONDS = 60;

    /** Changed lines per file (absolute path, new side of the diff; a new file has all its lines); empty for an untracked file. */
    private final Map<Path, BitSet> changed;
    private final String base;

    private GitChanges(Map<Path, BitSet> changed, String base) {
        this.changed = changed;
        this.base = base;
    }

    /** The changes in {@code directory} since {@code ref}: fails with what to do when it is no work tree or the ref is unknown. */
    public static GitChanges since(Path directory, String ref) {
        Path dir = directory.toAbsolutePath().normalize();
        if (git(dir, "rev-parse", "--is-inside-work-tree").exit() != 0) {
            throw new ProfilerException("migration-profiler.since needs a git work tree, and " + dir + " is not in one");
        }
        if (git(dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}").exit() != 0) {
            throw new ProfilerException("migration-profiler.since: '" + ref + "' is no commit git knows here. Fetch it first "
                    + "(CI checkouts are often shallow: git fetch origin main, or fetch-depth: 0)");
        }
        Result mergeBase = git(dir, "merge-base", ref, "HEAD");
        String base = mergeBase.exit() == 0 ? mergeBase.out().strip() : ref; // no common history: compare with the ref itself
        Result diff = git(dir, "-c", "core.quotePath=off", "diff", "--no-color", "--no-ext-diff", "--unified=0",
                "--src-prefix=a/", "--dst-prefix=b/", "--relative", base, "--", ".");
        if (diff.exit() != 0) {
            throw new ProfilerException("git diff " + base + " failed in " + dir + ": " + diff.out().strip());
        }
        Map<Path, BitSet> changed = new HashMap<>();
        BitSet lines = null;
        for (String line : diff.out().split("\n")) {
            Matcher file = FILE.matcher(line);
            Matcher hunk = HUNK.matcher(line);
            if (file.matches()) {
                lines = file.group(1).equals("/dev/null") ? null // deleted
                        : changed.computeIfAbsent(dir.resolve(file.group(1)).normalize(), p -> new BitSet());
            } else if (hunk.matches() && lines != null) {
                int start = Integer.parseInt(hunk.group(1));
                int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
                // a pure deletion (count 0) happened after line 'start': it touches that line and the next
                lines.set(Math.max(1, start), count == 0 ? start + 2 : start + count);
            }
        }
        Result untracked = git(dir, "-c", "core.quotePath=off", "ls-files", "--others", "--exclude-standard");
        for (String path : untracked.out().split("\n")) {
            if (!path.isBlank()) {
                changed.put(dir.resolve(path).normalize(), new BitSet());
            }
        }
        return new GitChanges(changed, base);
    }

    /** The commit the changes are counted from. */
    public String base() {
        return base;
    }

    /**
     * The migrations of {@code source} that changed: a SQL file that changed; a changeset whose own
     * lines changed, or that names a changed file (sqlFile, loadData) of its own.
     */
    public Predicate<Migration> changedIn(MigrationSource source, Path baseDir) {
        Map<Path, List<Migration>> byFile = new HashMap<>();
        source.migrations().forEach(m -> byFile.computeIfAbsent(baseDir.resolve(m.source()).normalize(), p -> new ArrayList<>()).add(m));
        byFile.values().forEach(list -> list.sort(Comparator.comparingInt(Migration::line)));
        List<String> otherChangedFiles = changed.keySet().stream().filter(p -> !byFile.containsKey(p))
                .map(p -> p.getFileName().toString()).toList();
        return migration -> {
            Path file = baseDir.resolve(migration.source()).normalize();
            BitSet lines = changed.get(file);
            if (lines != null) {
                List<Migration> inFile = byFile.get(file);
                if (lines.isEmpty() || inFile.size() == 1) {
                    return true;
                }
                int index = inFile.indexOf(migration);
                int end = index + 1 < inFile.size() ? inFile.get(index + 1).line() : Integer.MAX_VALUE;
                int next = lines.nextSetBit(migration.line());
                if (next >= 0 && next < end) {
                    return true;
                }
            }
            String text = source.text(migration);
            return otherChangedFiles.stream().anyMatch(name -> text.contains(name));
        };
    }

    private record Result(int exit, String out) {
    }

    private static Result git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ProfilerException("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfilerException("migration-profiler.since needs the git command line: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfilerException("Interrupted while asking git what changed", e);
        }
    }
}
