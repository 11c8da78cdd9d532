package io.github.migrationprofiler.result;

/**
 * Why a run ended before it could profile: the reports still say what happened.
 *
 * @param stage   what the run was doing: {@link #CONFIGURATION} (reading its parameters and
 *                migrations: nothing ran), {@code engine}, {@code rehearsal}, {@code seeding} or {@code profiling}
 * @param message what went wrong and what to do next
 */
public record RunError(String stage, String message) {

    /** The stage of a mistake in the configuration: a parameter, a path or a file to fix before anything runs. */
    public static final String CONFIGURATION = "configuration";

    public static RunError configuration(String message) {
        return new RunError(CONFIGURATION, message);
    }

    public boolean inConfiguration() {
        return CONFIGURATION.equals(stage);
    }
}
