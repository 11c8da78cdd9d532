package io.github.migrationprofiler.result;

/**
 * Why a run ended before it could profile: the reports still say what happened.
 *
 * @param stage   what the run was doing: {@code migrations} (reading them), {@code engine}, {@code rehearsal},
 *                {@code seeding} or {@code profiling}
 * @param message what went wrong and what to do next
 */
public record RunError(String stage, String message) {
}
