package io.github.migrationprofiler;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages' layering, as each package-info.java states it: data flows one way, from the
 * goals down to the leaf, and no package reaches back up. A new arrow against it, or a cycle
 * between any two packages, fails the build.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.migrationprofiler");

    @Test
    void noPackageCycles() {
        slices().matching("io.github.migrationprofiler.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRootPackageHoldsNothing() {
        noClasses().should().resideInAPackage("io.github.migrationprofiler").check(MAIN);
    }

    @Test
    void arrowsPointDownOnly() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("maven").definedBy("..migrationprofiler.maven..")
                .layer("run").definedBy("..migrationprofiler.run..")
                .layer("report").definedBy("..migrationprofiler.report..")
                .layer("pass").definedBy("io.github.migrationprofiler.pass")
                .layer("traffic").definedBy("..migrationprofiler.pass.traffic..")
                .layer("analysis").definedBy("..migrationprofiler.analysis..")
                .layer("seed").definedBy("..migrationprofiler.seed..")
                .layer("stats").definedBy("..migrationprofiler.stats..")
                .layer("source").definedBy("..migrationprofiler.source..")
                .layer("engine").definedBy("..migrationprofiler.engine..")
                .layer("catalog").definedBy("..migrationprofiler.catalog..")
                .layer("result").definedBy("..migrationprofiler.result..")
                .layer("config").definedBy("..migrationprofiler.config..")
                .layer("support").definedBy("..migrationprofiler.support..")
                .whereLayer("maven").mayNotBeAccessedByAnyLayer()
                .whereLayer("run").mayOnlyBeAccessedByLayers("maven")
                .whereLayer("report").mayOnlyBeAccessedByLayers("run", "maven")
                .whereLayer("pass").mayOnlyBeAccessedByLayers("run")
                .whereLayer("traffic").mayOnlyBeAccessedByLayers("pass", "run")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("pass", "run", "maven")
                .whereLayer("seed").mayOnlyBeAccessedByLayers("pass", "run")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("seed", "pass", "run")
                .whereLayer("source").mayOnlyBeAccessedByLayers("seed", "traffic", "pass", "run")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("pass", "run")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("engine", "stats", "seed", "traffic", "pass", "run")
                .whereLayer("result").mayOnlyBeAccessedByLayers("catalog", "seed", "analysis", "traffic", "pass", "report", "run",
                        "maven")
                .whereLayer("config").mayOnlyBeAccessedByLayers("result", "catalog", "engine", "source", "stats", "seed", "analysis",
                        "traffic", "pass", "report", "run", "maven");
        layers.check(MAIN);
    }
}
