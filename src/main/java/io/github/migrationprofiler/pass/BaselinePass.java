package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.engine.BaselineTemplate;
import io.github.migrationprofiler.engine.PostgresServer;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.seed.DataSeeder;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationListener;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.source.Selection;
import io.github.migrationprofiler.source.StopApplying;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.nio.charset.StandardCharsets;
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
    private final Duration timeout;
    private final ProfilerLog log;

    private BaselinePass(MigrationSource source, List<Migration> baseline, Migration firstReviewed, SeedOptions seed,
                         FinalSchema schema, Duration timeout, ProfilerLog log) {
        this.source = source;
        this.baseline = baseline;
        this.firstReviewed = firstReviewed;
        this.seed = seed;
        this.schema = schema;
        this.timeout = timeout;
        this.log = log;
    }

    /** {@code null} when the selection leaves no baseline (nothing to reuse). */
    public static BaselinePass of(MigrationSource source, Selection selection, SeedOptions seed, FinalSchema schema,
                                 Duration timeout, ProfilerLog log) {
        List<Migration> all = source.migrations();
        for (int i = 0; i < all.size(); i++) {
            if (selection.includes(all.get(i))) {
                return i == 0 ? null : new BaselinePass(source, all.subList(0, i), all.get(i), seed, schema, timeout, log);
            }
        }
        return null;
    }

    public List<Migration> baseline() {
        return baseline;
    }

    /** The template's name on {@code server}, built there first if needed. */
    public String template(PostgresServer server) {
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
        try (DataSeeder seeder = new DataSeeder(template::connect, seed, schema, log)) {
            seeder.seedNewTables(baseline.get(baseline.size() - 1));
        }
    }

    /** Changes whenever the baseline's text, the scale, the seed or the planned row counts change. */
    private String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("results v1\n" + seed.scale() + "|" + seed.childRows() + "|" + seed.random() + "|" + seed.nullFraction()
                    + "|" + new TreeMap<>(seed.rowCounts()) + "|" + new TreeMap<>(schema.plannedRows()) + "|" + new TreeMap<>(seed.jsonSamples()) + "\n").getBytes(StandardCharsets.UTF_8));
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
