package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.engine.BaselineTemplate;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.seed.ProductionShape;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.source.StopApplying;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * The baseline pass, when the baseline is reused across runs: the migrations before the first one
 * under review, applied and seeded once into a template database, then copied for every run
 * whose baseline, scale and seed are the same.
 */
public final class BaselinePass {

    private final MigrationSource source;
    private final List<Migration> baseline;
    private final Migration firstReviewed;
    private final SeedOptions seed;
    private final FinalSchema schema;
    private final ProductionShape production;
    private final String inputsKey;
    private final Duration timeout;
    private final ProfilerLog log;

    private BaselinePass(MigrationSource source, List<Migration> baseline, Migration firstReviewed, SeedOptions seed,
                         FinalSchema schema, ProductionShape production, String inputsKey, Duration timeout, ProfilerLog log) {
        this.source = source;
        this.baseline = baseline;
        this.firstReviewed = firstReviewed;
        this.seed = seed;
        this.schema = schema;
        this.production = production;
        this.inputsKey = inputsKey;
        this.timeout = timeout;
        this.log = log;
    }

    /**
     * {@code null} when the selection leaves no baseline (nothing to reuse).
     *
     * @param production production's shape, as the run seeds with it
     * @param inputsKey  what else the template depends on ({@link #inputsKey}): it is part of the fingerprint
     */
    public static BaselinePass of(MigrationSource source, Selection selection, SeedOptions seed, FinalSchema schema,
                                 ProductionShape production, String inputsKey, Duration timeout, ProfilerLog log) {
        List<Migration> all = source.migrations();
        for (int i = 0; i < all.size(); i++) {
            if (selection.includes(all.get(i))) {
                return i == 0 ? null : new BaselinePass(source, all.subList(0, i), all.get(i), seed, schema, production, inputsKey,
                        timeout, log);
            }
        }
        return null;
    }

    /**
     * The inputs of a template beside the migrations and the seed settings: the statistics file's
     * content and the plugin's own build (its seeder may seed differently from one build to the next).
     */
    public static String inputsKey(Path productionStats) {
        StringBuilder key = new StringBuilder();
        try {
            if (productionStats != null && Files.isRegularFile(productionStats)) {
                key.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(productionStats))));
            }
            Path plugin = Path.of(BaselinePass.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            key.append('|').append(plugin.getFileName()).append('|').append(Files.size(plugin)).append('|')
                    .append(Files.getLastModifiedTime(plugin).toMillis());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            key.append("|unknown build ").append(System.nanoTime()); // what cannot be told is never reused
        }
        return key.toString();
    }

    public List<Migration> baseline() {
        return baseline;
    }

    /** The template on {@code server}, built there first if needed. */
    public BaselineTemplate.Copy template(PostgresServer server) {
        return BaselineTemplate.ensure(server, fingerprint(), this::build, log);
    }

    /** Applies the baseline (stopping before the first reviewed migration) and seeds it. */
    private void build(ScratchDatabase template) throws SQLException {
        StringBuilder failure = new StringBuilder();
        try (Connection connection = template.connect()) {
            MigrationSession.limit(connection, timeout);
            source.apply(connection, new MigrationListener() {
                @Override
                public void starting(Migration migration) {
                    if (migration.equals(firstReviewed)) {
                        throw new StopApplying(migration);
                    }
                }

                @Override
                public void finished(Migration migration) {
                }

                @Override
                public void failed(Migration migration, Exception cause) {
                    failure.append(migration.label()).append(" (").append(migration.source()).append("): ")
                            .append(ProfilerException.rootMessage(cause));
                }
            });
        } catch (StopApplying expected) {
            // the baseline ends where the first reviewed migration begins
        }
        if (!failure.isEmpty()) {
            throw new ProfilerException("A baseline migration failed while the template was built: " + failure);
        }
        try (DataSeeder seeder = new DataSeeder(template::connect, seed, schema, production, log)) {
            seeder.seedNewTables(baseline.get(baseline.size() - 1));
        }
    }

    /**
     * Changes whenever the baseline's text, the scale, the seed, the planned row counts, the JSON
     * samples, the value patterns, the statistics file or the plugin's build change.
     */
    private String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("results v1\n" + seed.scale() + "|" + seed.childRows() + "|" + seed.random() + "|" + seed.nullFraction()
                    + "|" + new TreeMap<>(seed.rowCounts()) + "|" + new TreeMap<>(schema.plannedRows()) + "|"
                    + new TreeMap<>(seed.jsonSamples()) + "|" + new TreeMap<>(seed.valuePatterns()) + "|" + inputsKey + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Migration migration : baseline) {
                sha.update((migration.source() + "|" + migration.id() + "|" + migration.author() + "\n" + source.text(migration) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
