/**
 * The goals: each binds its parameters, calls its run, and turns the outcome into Maven's
 * terms. The only package that knows Maven.
 */
package io.github.migrationprofiler.maven;
