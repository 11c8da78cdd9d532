package io.github.migrationprofiler.source;

import java.sql.SQLException;
import liquibase.change.Change;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;
import io.github.migrationprofiler.support.ProfilerException;

import java.util.List;

/**
 * A changeset whose custom change failed: the failure names each class with its changeset and
 * how to profile everything else, since such a class usually needs the application's runtime
 * (Keycloak's "Thread bound session is null").
 */
final class CustomChangeFailure extends Exception {

    private CustomChangeFailure(String message, Exception cause) {
        super(message, cause);
    }

    static Exception explain(ChangeSet changeSet, Exception failure) {
        List<String> classes = changeSet.getChanges().stream().filter(c -> c instanceof CustomChangeWrapper)
                .map(c -> ((CustomChangeWrapper) c).getClassName()).toList();
        if (classes.isEmpty() || isSql(failure)) {
            return failure;
        }
        String named = String.join(", ", classes);
        return new CustomChangeFailure("custom change " + named + " in changeset " + changeSet.getAuthor() + ":" + changeSet.getId()
                + " failed: " + ProfilerException.rootMessage(failure) + ". If it needs the application's runtime, profile "
                + "everything else with " + SkippedCustomChanges.PARAMETER + "=" + classes.get(0)
                + " (a class, a glob such as " + packageGlob(classes.get(0)) + ", or the changeset's id)", failure);
    }

    /** An SQL error the change's own statements raised is the migration's, reported as such. */
    private static boolean isSql(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String packageGlob(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot) + ".*";
    }
}
