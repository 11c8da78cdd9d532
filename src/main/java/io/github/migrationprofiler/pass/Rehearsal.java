package io.github.migrationprofiler.pass;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.engine.ScratchDatabase;
import io.github.migrationprofiler.seed.FinalSchema;
import io.github.migrationprofiler.seed.TableHistory;
import io.github.migrationprofiler.source.Migration;
import io.github.migrationprofiler.source.MigrationSource;
import io.github.migrationprofiler.support.LongLiterals;
import io.github.migrationprofiler.support.ProfilerException;
import io.github.migrationprofiler.support.ProfilerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rehearsal. Tables are seeded as soon as they exist, before later migrations add the
 * constraints and tables that concern them. So the migrations are first applied to an empty
 * throw-away database: the schema they end with, renames included, the keys they insert
 * themselves and what they read out of JSON tell the seeder what rows must look like from the start.
 */
public final class Rehearsal {

    private final ProfilerLog log;

    public Rehearsal(ProfilerLog log) {
        this.log = log;
    }

    /**
     * The schema the migrations end with, as the seeder needs it; {@code null} when a migration
     * fails in a way no data changes (syntax, an undefined object: {@link SchemaFailure}), so
     * seeding and measuring would cost time for nothing.
     *
     * @param rehearsal an empty database, which the rehearsal leaves migrated (its owner drops it)
     */
    public FinalSchema rehearse(ScratchDatabase rehearsal, MigrationSource source, SeedOptions seed, Duration timeout) {
        log.info("Planning " + seed.scale() + " scale (" + String.format(Locale.ROOT, "%,d", seed.childRows())
                + " child rows) on a rehearsal of the migrations");
        try (Connection connection = rehearsal.connect()) {
            MigrationSession.limit(connection, timeout); // a migration that would time out must not run unbounded here either
            Map<Migration, String> texts = new LinkedHashMap<>(); // what seeding reads: long literals hold nothing for it
            source.migrations().forEach(m -> texts.put(m, LongLiterals.emptied(source.text(m))));
            TableHistory history = new TableHistory(connection, texts::get, log);
            SchemaFailure watch = new SchemaFailure(source, history);
            source.apply(TracingConnection.wrap(connection, watch), watch);
            if (watch.failure() != null) {
                log.warn("The rehearsal failed in a way no data changes: " + watch.failure() + ". Nothing is seeded: the "
                        + "migrations run once, on empty tables, to report it.");
                return null;
            }
            return FinalSchema.read(connection, history, seed, texts, seed.jsonSamples());
        } catch (SQLException e) {
            throw new ProfilerException("The rehearsal on " + rehearsal + " failed: " + e.getMessage(), e);
        }
    }
}
