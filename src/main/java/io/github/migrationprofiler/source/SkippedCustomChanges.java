package io.github.migrationprofiler.source;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Custom changes the run treats as no-ops ({@code migration-profiler.skipCustomChanges}): those
 * that need the host application's runtime (a JPA session, a Clojure namespace) to run at all.
 * Named by class (a glob: {@code org.keycloak.*}) or by changeset ({@code id}, {@code author:id}).
 * A changeset made only of skipped custom changes is listed as skipped, with the reason;
 * everything else is profiled.
 */
final class SkippedCustomChanges {

    static final String PARAMETER = "migration-profiler.skipCustomChanges";
    private static final String SCOPE_KEY = SkippedCustomChanges.class.getName();

    private final List<Pattern> patterns;

    SkippedCustomChanges(List<String> globs) {
        this.patterns = globs.stream().map(String::strip).filter(g -> !g.isEmpty())
                .map(g -> Pattern.compile(Pattern.quote(g).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"))).toList();
    }

    /** The instance Liquibase's current scope carries; none skips nothing. */
    static SkippedCustomChanges current() {
        Object skipped = Scope.getCurrentScope().get(SCOPE_KEY, Object.class);
        return skipped instanceof SkippedCustomChanges s ? s : new SkippedCustomChanges(List.of());
    }

    String scopeKey() {
        return SCOPE_KEY;
    }

    boolean skips(String className, ChangeSet changeSet) {
        return patterns.stream().anyMatch(p -> className != null && p.matcher(className).matches()
                || changeSet != null && (p.matcher(changeSet.getId()).matches()
                || p.matcher(changeSet.getAuthor() + ":" + changeSet.getId()).matches()));
    }

    /** Why the changeset is not applied here, when all its changes are skipped custom changes; {@code null} otherwise. */
    String reason(ChangeSet changeSet) {
        List<Change> changes = changeSet.getChanges();
        if (changes.isEmpty() || !changes.stream().allMatch(c -> c instanceof CustomChangeWrapper custom
                && skips(custom.getClassName(), changeSet))) {
            return null;
        }
        return "custom change " + String.join(", ", changes.stream().map(c -> ((CustomChangeWrapper) c).getClassName()).toList())
                + " skipped (" + PARAMETER + ")";
    }
}
