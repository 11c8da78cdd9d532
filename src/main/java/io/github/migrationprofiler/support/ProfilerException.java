package io.github.migrationprofiler.support;

/**
 * A problem the user can act on: bad configuration, a missing changelog, an engine that will not
 * start. The message says what went wrong and what to do next; the Maven goal shows it as is.
 */
public class ProfilerException extends RuntimeException {

    public ProfilerException(String message) {
        super(message);
    }

    public ProfilerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost cause's message: what actually went wrong, without the layers that passed it on. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }
}
