/**
 * The passes over the migrations, each a class of its own: the rehearsal, the baseline,
 * the instrumented pass that applies them through their runner and watches every statement, and
 * the passes that run a reviewed migration again on the state just before it (the {@link
 * io.github.migrationprofiler.pass.Follower}) — clean timing, projection sizes, traffic — and the
 * judgement that puts their parts together. A pass never calls the run. Uses {@code pass.traffic},
 * {@code analysis}, {@code seed}, {@code stats}, {@code source}, {@code engine}, {@code catalog},
 * {@code result}, {@code config} and {@code support}.
 */
package io.github.migrationprofiler.pass;
