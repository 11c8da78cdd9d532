package io.github.migrationprofiler.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a project keeps what its migrations need: its resources and its runtime class path. */
final class ProjectPaths {

    private ProjectPaths() {
    }

    /** The resource directories and the project directory: where Liquibase finds included changelogs, as the application does. */
    static List<Path> searchPath(MavenProject project) {
        Path baseDir = project.getBasedir().toPath();
        List<Path> paths = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            paths.add(baseDir.resolve(resource.getDirectory()));
        }
        paths.add(baseDir);
        return paths;
    }

    /** {@code target/classes} and the runtime dependencies: Java migrations and callbacks, as the application has them. */
    static List<Path> runtimeClasspath(MavenProject project) throws MojoExecutionException {
        try {
            return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime classpath is not resolved: " + e.getMessage(), e);
        }
    }
}
