package io.github.migrationprofiler.source;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;
import org.flywaydb.core.internal.license.VersionPrinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chooses the source a configuration describes: the Liquibase changelog if one is set; else
 * Flyway, when the project configures Flyway or its SQL directory follows Flyway's naming
 * ({@code V1__x.sql}); else the SQL directory as plain files applied by name; else a changelog
 * at the conventional Spring Boot location. The log says which, and why.
 */
public final class MigrationSources {

    private MigrationSources() {
    }


    static final List<String> CONVENTIONAL_CHANGELOGS = List.of("yaml", "yml", "xml", "json", "sql").stream()
            .map(ext -> "src/main/resources/db/changelog/db.changelog-master." + ext).toList();

    public static MigrationSource open(ProfilerConfig config, ProfilerLog log) {
        Path baseDir = config.baseDir();
        if (config.changelog() != null) {
            return liquibase(baseDir.resolve(config.changelog()), config, log);
        }
        Path sqlDirectory = baseDir.resolve(config.sqlDirectory());
        FlywaySettings flyway = FlywaySettings.find(baseDir, sqlDirectory, config.flyway());
        if (flyway == null && Files.isDirectory(sqlDirectory) && SqlFileOrder.hasFlywayNames(sqlDirectory)) {
            flyway = new FlywaySettings(Map.of(), "nowhere: " + shown(baseDir, sqlDirectory) + " holds files named as Flyway names them",
                    "filesystem:" + sqlDirectory);
        }
        if (flyway != null) {
            log.info("Running the migrations with Flyway " + VersionPrinter.getVersion() + "; its settings come from " + flyway.origin());
            return new FlywaySource(flyway, baseDir, config.flyway().classpath(), config.encoding(), log);
        }
        if (Files.isDirectory(sqlDirectory)) {
            log.info("Applying the SQL files in " + shown(baseDir, sqlDirectory) + " by name, one transaction each, as psql "
                    + "would: no Flyway configuration, and no file named as Flyway names them (V1__name.sql)");
            return new SqlDirectorySource(sqlDirectory, baseDir, config.encoding());
        }
        return CONVENTIONAL_CHANGELOGS.stream().map(baseDir::resolve).filter(Files::isRegularFile).findFirst()
                .map(changelog -> liquibase(changelog, config, log))
                .orElseThrow(() -> new ProfilerException("No migrations found: neither a Liquibase changelog "
                        + "(set migration-profiler.changelog) nor a SQL directory (" + sqlDirectory
                        + "; set migration-profiler.sqlDirectory)."));
    }

    private static String shown(Path baseDir, Path path) {
        return (path.startsWith(baseDir) ? baseDir.relativize(path) : path).toString().replace('\\', '/');
    }

    private static MigrationSource liquibase(Path changelog, ProfilerConfig config, ProfilerLog log) {
        return new LiquibaseSource(changelog, config.searchPath(), config.contexts(), config.labels(),
                config.changelogParameters(), config.skipCustomChanges(), config.baseDir(), config.encoding(), log);
    }
}
