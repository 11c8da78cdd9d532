package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The migrations under review, named by changeset id, {@code author:id}, file name or path, each
 * optionally a glob ({@code *}, {@code ?}). No patterns means every migration is under review.
 */
public class Selection {

    private final List<Pattern> patterns;
    private final List<String> texts;

    private Selection(List<String> texts) {
        this.texts = texts;
        this.patterns = texts.stream().map(Selection::glob).toList();
    }

    /** Nothing is under review: every migration is baseline (the seed goal). */
    public static final Selection NONE = new Selection(List.of()) {
        @Override public boolean isAll() { return false; }
        @Override public boolean includes(Migration migration) { return false; }
    };

    public static Selection of(List<String> patterns) {
        return new Selection(patterns.stream().map(String::strip).filter(p -> !p.isEmpty()).toList());
    }

    /** This selection, narrowed to the migrations {@code also} accepts (e.g. those changed since a git ref). */
    public Selection and(Predicate<Migration> also) {
        Selection self = this;
        return new Selection(texts) {
            @Override public boolean isAll() { return false; }
            @Override public boolean includes(Migration migration) { return self.includes(migration) && also.test(migration); }
        };
    }

    public boolean isAll() {
        return patterns.isEmpty();
    }

    public boolean includes(Migration migration) {
        return isAll() || patterns.stream().anyMatch(p -> matches(p, migration));
    }

    /** Fails when a pattern names no migration, which is nearly always a typo. */
    public void validate(List<Migration> migrations) {
        for (int i = 0; i < patterns.size(); i++) {
            Pattern pattern = patterns.get(i);
            if (migrations.stream().noneMatch(m -> matches(pattern, m))) {
                String known = migrations.stream().limit(20).map(Migration::id).collect(Collectors.joining(", "));
                throw new ProfilerException("migration-profiler.migrations: '" + texts.get(i)
                        + "' matches no migration. Known migrations: " + known + (migrations.size() > 20 ? ", …" : ""));
            }
        }
    }

    private static boolean matches(Pattern pattern, Migration m) {
        String fileName = m.source().substring(m.source().lastIndexOf('/') + 1);
        return pattern.matcher(m.id()).matches()
                || (m.author() != null && pattern.matcher(m.author() + ":" + m.id()).matches())
                || pattern.matcher(fileName).matches()
                || pattern.matcher(m.source()).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
