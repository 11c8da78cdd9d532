/**
 * One class per goal's run (profile, seed, stats, compare), its collaborators given in its
 * constructor; the profile run is a sequence of passes ({@code MigrationStages} names them in
 * order). May use every package but {@code maven}.
 */
package io.github.migrationprofiler.run;
