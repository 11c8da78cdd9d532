package io.github.migrationprofiler.bench;

import io.github.migrationprofiler.config.EngineKind;
import io.github.migrationprofiler.config.ProfilerConfig;
import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.run.ProfileRun;
import io.github.migrationprofiler.support.ProfilerLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What reusing a seeded baseline saves: the wishlist example reviewed at its last changeset, on
 * an external server, first building the baseline template, then copying it.
 * Run: {@code ./mvnw -Pbench verify} (scale via -Dbench.reuseScale, default large).
 */
public final class BaselineReuseBenchmark {

    public static void main(String[] args) throws Exception {
        String scale = System.getProperty("bench.reuseScale", "large");
        Path wishlist = Path.of("examples/wishlist").toAbsolutePath();
        Path output = TempDirectories.make("reuse-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start()) {
            ProfilerConfig config = ProfilerConfig.builder(wishlist)
                    .changelog(Path.of("src/main/resources/db/changelog/db.changelog-master.yaml"))
                    .searchPath(List.of(wishlist.resolve("src/main/resources")))
                    .migrations(List.of("004-*"))
                    .engine(EngineKind.EXTERNAL).jdbcUrl(postgres.getJdbcUrl("postgres", "postgres"))
                    .seed(SeedOptions.parse(scale, 42, SeedOptions.DEFAULT_NULL_FRACTION, Map.of()))
                    .reuseBaseline(true).outputDirectory(output).reportsDirectory(output)
                    .build();
            double built = time(config);
            double copied = time(config);
            double again = time(config);
            System.out.printf(Locale.ROOT, "baseline reuse, %s scale: building the template %.2f s, copying it %.2f s and %.2f s "
                    + "(%.1fx faster)%n", scale, built, copied, again, built / Math.min(copied, again));
        }
    }

    private static double time(ProfilerConfig config) {
        long start = System.nanoTime();
        new ProfileRun(ProfilerLog.SILENT).run(config);
        return (System.nanoTime() - start) / 1e9;
    }

    private BaselineReuseBenchmark() {
    }
}
