package io.github.migrationprofiler.source;

import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the source a configuration describes: the Liquibase changelog if one is set, else the
 * SQL directory if it exists, else a changelog at the conventional Spring Boot location.
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
        if (Files.isDirectory(sqlDirectory)) {
            return new SqlDirectorySource(sqlDirectory, baseDir);
        }
        return CONVENTIONAL_CHANGELOGS.stream().map(baseDir::resolve).filter(Files::isRegularFile).findFirst()
                .map(changelog -> liquibase(changelog, config, log))
                .orElseThrow(() -> new ProfilerException("No migrations found: neither a Liquibase changelog "
                        + "(set migration-profiler.changelog) nor a SQL directory (" + sqlDirectory
                        + "; set migration-profiler.sqlDirectory)."));
    }

    private static MigrationSource liquibase(Path changelog, ProfilerConfig config, ProfilerLog log) {
        return new LiquibaseSource(changelog, config.searchPath(), config.contexts(), config.labels(),
                config.changelogParameters(), config.baseDir(), log);
    }
}
