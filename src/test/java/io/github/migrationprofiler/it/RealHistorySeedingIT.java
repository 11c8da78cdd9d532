package io.github.migrationprofiler.it;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.result.MigrationResult;
import io.github.migrationprofiler.result.RunResult;
import io.github.migrationprofiler.result.SeedSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.migrationprofiler.it.Files2.write;
import static io.github.migrationprofiler.it.TestPostgres.count;
import static io.github.migrationprofiler.it.TestPostgres.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes real migration histories have that broke the seeder's own data: each test is a
 * minimal history of correct migrations (numbered as in the issue where it has a number) that
 * must profile on seeded tables without an error, and whose seeded data is checked in SQL.
 */
class RealHistorySeedingIT {

    static final TestPostgres server = TestPostgres.shared();

    @TempDir
    Path project;

    private final List<String> kept = new ArrayList<>();

    @AfterEach
    void dropKeptDatabases() throws SQLException {
        server.dropKept(kept);
    }

    /** Profiles the SQL files given as name, text pairs on 2,000 child rows and keeps the database to look at. */
    private RunResult profile(Map<String, Long> rowCounts, String... files) {
        for (int i = 0; i < files.length; i += 2) {
            write(project.resolve("db").resolve(files[i]), files[i + 1]);
        }
        RunResult result = Profiles.profile(server.config(project).sqlDirectory(project.resolve("db"))
                .seed(SeedOptions.parse("2000", 7, SeedOptions.DEFAULT_NULL_FRACTION, rowCounts)).keepDatabase(true).build());
        kept.add(result.database());
        return result;
    }

    private RunResult profile(String... files) {
        return profile(Map.of(), files);
    }

    private static void assertAllPassed(RunResult result) {
        assertThat(result.failures()).as("failed migrations").extracting(MigrationResult::failureSummary).isEmpty();
    }

    @Test
    void issue1_constraintsAddedByLaterMigrationsHoldForRowsSeededBefore() throws SQLException {
        RunResult result = profile("V1__tables.sql", """
                        CREATE TABLE parent (code text PRIMARY KEY);
                        CREATE TABLE child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text, name text, born date, died date,
                            mentor_id bigint);
                        """,
                "V2__fk.sql", """
                        ALTER TABLE child ADD CONSTRAINT child_code_fk FOREIGN KEY (code) REFERENCES parent (code) NOT VALID;
                        ALTER TABLE child VALIDATE CONSTRAINT child_code_fk;
                        ALTER TABLE child ADD CONSTRAINT child_mentor_fk FOREIGN KEY (mentor_id) REFERENCES child (id);
                        """,
                "V3__rules.sql", """
                        CREATE UNIQUE INDEX child_name_uq ON child (name);
                        ALTER TABLE child ALTER COLUMN born SET NOT NULL;
                        ALTER TABLE child ADD CONSTRAINT child_dates CHECK (died IS NULL OR died >= born);
                        """);

        assertAllPassed(result);
        assertThat(result.seed().gaps()).isEmpty();
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM child")).isEqualTo(2_000);
            assertThat(count(db, "SELECT count(*) FROM child WHERE died IS NOT NULL")).isPositive(); // the check held without NULLing it all
            assertThat(count(db, "SELECT count(*) FROM child WHERE mentor_id IS NOT NULL")).isPositive();
        }
    }

    @Test
    void issue2_keysTheMigrationsInsertThemselvesAreLeftToThem() throws SQLException {
        RunResult result = profile("V1__roles.sql", "CREATE TABLE roles (id int PRIMARY KEY, code varchar(20) UNIQUE NOT NULL);\n",
                "V2__reference_rows.sql", "INSERT INTO roles (id, code) VALUES (1, '1'), (2, 'admin'), (3, '2');\n");

        assertAllPassed(result);
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM roles")).isGreaterThan(3);
            assertThat(string(db, "SELECT code FROM roles WHERE id = 2")).isEqualTo("admin");
        }
    }

    @Test
    void issue3_checksInTheFormsPostgresPrintsThemAreMet() throws SQLException {
        RunResult result = profile("V1__t.sql", """
                        CREATE TABLE bookings (id int PRIMARY KEY, status varchar(20), starts_at timestamptz NOT NULL,
                            ends_at timestamptz NOT NULL, code text NOT NULL, odd int);
                        """,
                "V2__checks.sql", """
                        ALTER TABLE bookings ADD CONSTRAINT status_in CHECK (status IN ('OPEN', 'CLOSED'));
                        ALTER TABLE bookings ADD CONSTRAINT ends_after CHECK (ends_at >= starts_at);
                        ALTER TABLE bookings ADD CONSTRAINT code_form CHECK (code ~ '^[A-Z]{2}-[0-9]{4}$');
                        ALTER TABLE bookings ADD CONSTRAINT odd_only CHECK (odd % 2 = 1);
                        """);

        assertAllPassed(result);
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(DISTINCT status) FROM bookings")).isEqualTo(2);
            assertThat(count(db, "SELECT count(*) FROM bookings WHERE ends_at > starts_at")).isPositive();
            assertThat(count(db, "SELECT count(DISTINCT code) FROM bookings")).isGreaterThan(100);
        }
        // the check the generator cannot read was left to the database, which settled it with NULL where the column allows it
        assertThat(result.seed().gaps()).isEmpty();
    }

    @Test
    void issue4_jsonDocumentsCarryTheKeysTheSchemaAndTheMigrationsRead() throws SQLException {
        RunResult result = profile("V1__events.sql", """
                        CREATE TABLE events (id int PRIMARY KEY, value jsonb NOT NULL, payload jsonb,
                            deleted boolean GENERATED ALWAYS AS ((value ->> 'deleted')::boolean) STORED NOT NULL, region text);
                        CREATE INDEX events_customer ON events ((payload #>> '{customer,id}'));
                        """,
                "V2__backfill.sql", "UPDATE events SET region = payload ->> 'region' WHERE payload ? 'region';\n");

        assertAllPassed(result);
        assertThat(result.migrations().get(1).rowsAffected()).isPositive();
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM events WHERE deleted")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM events WHERE payload #>> '{customer,id}' IS NOT NULL")).isPositive();
        }
    }

    @Test
    void issue5_everyTypeGetsAValueOrNullAndGapsAreListedTogetherInOneRun() throws SQLException {
        RunResult result = profile(Map.of("skipped", 0L), "V1__t.sql", """
                        CREATE TABLE blobs (id int PRIMARY KEY, lo oid, tsv tsvector, spot point, net macaddr, during tstzrange,
                            bits bit(4), fee money, doc xml, ids uuid[] NOT NULL);
                        CREATE TABLE skipped (id int PRIMARY KEY);
                        CREATE TABLE orphans (id int PRIMARY KEY, skipped_id int NOT NULL REFERENCES skipped);
                        CREATE TABLE maybe (id int PRIMARY KEY, skipped_id int REFERENCES skipped);
                        CREATE TABLE "ToDo" (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL, CHECK (a + b = 13));
                        """);

        assertAllPassed(result);
        assertThat(result.seed().gaps()).extracting(SeedSummary.Gap::table)
                .containsExactlyInAnyOrder("public.orphans", "public.\"ToDo\"");
        assertThat(result.seed().gaps()).filteredOn(g -> g.table().equals("public.orphans")).singleElement()
                .satisfies(g -> assertThat(g.reason()).contains("references public.skipped, which has no rows"));
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM blobs WHERE tsv IS NOT NULL AND during IS NOT NULL AND doc IS NOT NULL")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM maybe WHERE skipped_id IS NULL")).isEqualTo(2_000);
            assertThat(count(db, "SELECT count(*) FROM skipped")).isZero();
        }
    }

    @Test
    void issue6_theNullShareSparesColumnsALaterMigrationMakesNotNullOrAKey() {
        RunResult result = profile("V1__t.sql", "CREATE TABLE accounts (number text, owner text);\n",
                "V2__key.sql", "ALTER TABLE accounts ADD PRIMARY KEY (number);\nALTER TABLE accounts ALTER COLUMN owner SET NOT NULL;\n");

        assertAllPassed(result);
    }

    @Test
    void aTableRebuiltUnderItsNameWithRenamedColumnsKeepsItsLaterForeignKey() throws SQLException {
        // hawkbit: rename a column, rebuild the table to reorder its columns, then add the foreign key
        RunResult result = profile("V1__t.sql", """
                        CREATE TABLE targets (id bigint PRIMARY KEY);
                        CREATE TABLE statuses (id bigserial PRIMARY KEY, target_id bigint NOT NULL, note text);
                        """,
                "V2__rename.sql", "ALTER TABLE statuses RENAME COLUMN target_id TO target;\n",
                "V3__rebuild.sql", """
                        CREATE TABLE statuses_new (id bigint PRIMARY KEY, note text, target bigint NOT NULL);
                        INSERT INTO statuses_new SELECT id, note, target FROM statuses;
                        DROP TABLE statuses;
                        ALTER TABLE statuses_new RENAME TO statuses;
                        ALTER TABLE statuses ADD CONSTRAINT statuses_target_fk FOREIGN KEY (target) REFERENCES targets (id);
                        """);

        assertAllPassed(result);
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM statuses")).isEqualTo(2_000);
        }
    }

    @Test
    void constraintsALaterReleaseRelaxesAgainStillHoldWhenTheyAreCreated() {
        // hyades: a unique index on (a, b) that a later release widens to (a, b, c); a text column that later becomes uuid
        RunResult result = profile("V1__t.sql", """
                        CREATE TABLE components (id bigint PRIMARY KEY);
                        CREATE TABLE findings (id bigint PRIMARY KEY, component_id bigint NOT NULL REFERENCES components,
                            analyzer text NOT NULL, uuid varchar(36) NOT NULL);
                        """,
                "V2__unique.sql", "CREATE UNIQUE INDEX findings_uq ON findings (component_id, analyzer);\n",
                "V3__uuid.sql", "ALTER TABLE findings ALTER COLUMN uuid TYPE uuid USING uuid::uuid;\n",
                "V4__wider.sql", "DROP INDEX findings_uq;\nCREATE UNIQUE INDEX findings_uq ON findings (component_id, analyzer, id);\n");

        assertAllPassed(result);
    }

    @Test
    void aKeyRebuiltAsUuidUnderItsOldNameIsFollowedByTablesSeededLater() throws SQLException {
        // hyades: a bigint key replaced by a uuid column renamed to the old name, the link table rebuilt by a join backfill
        RunResult result = profile("V1__t.sql", """
                        CREATE TABLE advisory (id bigserial PRIMARY KEY, name text);
                        CREATE TABLE vulnerability (id bigint PRIMARY KEY);
                        """,
                "V2__link.sql", """
                        CREATE TABLE adv_vuln (advisory_id bigint NOT NULL REFERENCES advisory, vulnerability_id bigint NOT NULL
                            REFERENCES vulnerability, PRIMARY KEY (advisory_id, vulnerability_id));
                        """,
                "V3__uuid.sql", """
                        ALTER TABLE advisory ADD COLUMN uuid uuid;
                        UPDATE advisory SET uuid = gen_random_uuid();
                        ALTER TABLE adv_vuln ADD COLUMN advisory_uuid uuid;
                        UPDATE adv_vuln AS av SET advisory_uuid = a.uuid FROM advisory AS a WHERE av.advisory_id = a.id;
                        ALTER TABLE adv_vuln DROP CONSTRAINT adv_vuln_advisory_id_fkey;
                        ALTER TABLE adv_vuln DROP CONSTRAINT adv_vuln_pkey;
                        ALTER TABLE adv_vuln DROP COLUMN advisory_id;
                        ALTER TABLE adv_vuln RENAME COLUMN advisory_uuid TO advisory_id;
                        ALTER TABLE adv_vuln ADD PRIMARY KEY (advisory_id, vulnerability_id);
                        ALTER TABLE advisory DROP CONSTRAINT advisory_pkey;
                        ALTER TABLE advisory DROP COLUMN id;
                        ALTER TABLE advisory RENAME COLUMN uuid TO id;
                        ALTER TABLE advisory ADD PRIMARY KEY (id);
                        ALTER TABLE adv_vuln ADD FOREIGN KEY (advisory_id) REFERENCES advisory (id);
                        """,
                "V4__later.sql", "CREATE TABLE advisory_note (advisory_id uuid NOT NULL REFERENCES advisory (id), note text);\n");

        assertAllPassed(result);
        assertThat(result.seed().gaps()).isEmpty();
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM adv_vuln")).isPositive(); // seeded before the rebuild, carried through it
            assertThat(count(db, "SELECT count(*) FROM advisory_note")).isEqualTo(2_000);
        }
    }

    @Test
    void whatTheHistoryProvesAboutRowsIsHonoured() throws SQLException {
        RunResult result = profile("V1__t.sql", """
                        CREATE TABLE jobs (id int PRIMARY KEY, name text NOT NULL UNIQUE);
                        CREATE TABLE job_parameters (id serial PRIMARY KEY, job_id int NOT NULL REFERENCES jobs, value text);
                        CREATE TABLE locks (id serial PRIMARY KEY, owner text);
                        CREATE TABLE users (id int PRIMARY KEY, created_by_id int);
                        CREATE TABLE people (id int PRIMARY KEY, name text);
                        CREATE TABLE people_copy (id int PRIMARY KEY, name text);
                        """,
                "V2__reference.sql", "INSERT INTO jobs VALUES (1, 'cleanup'), (2, 'report'), (3, 'obsolete');\n",
                // a NOT NULL column without a default: the table was empty here in production
                "V3__lock_time.sql", "ALTER TABLE locks ADD COLUMN placed_at timestamptz NOT NULL;\n",
                // a column filled only row by row, then NOT NULL: the table held only the migrations' rows
                "V4__short_name.sql", "ALTER TABLE jobs ADD COLUMN short_name text;\n"
                        + "UPDATE jobs SET short_name = 'C' WHERE name = 'cleanup';\nUPDATE jobs SET short_name = 'R' WHERE name = 'report';\n"
                        + "UPDATE jobs SET short_name = 'O' WHERE name = 'obsolete';\nALTER TABLE jobs ALTER COLUMN short_name SET NOT NULL;\n",
                // reference rows deleted later: nothing may point at them
                "V5__drop_job.sql", "DELETE FROM jobs WHERE name = 'obsolete';\n",
                // a column filled from another, then given a foreign key: the source's values must be valid keys
                "V6__audit.sql", "ALTER TABLE users ADD COLUMN created_by int;\nUPDATE users SET created_by = created_by_id;\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_created_by FOREIGN KEY (created_by) REFERENCES users (id);\n",
                // a table a later migration fills by copying: its rows come from there
                "V7__copy.sql", "INSERT INTO people_copy SELECT id, name FROM people;\n");

        assertAllPassed(result);
        assertThat(result.seed().gaps()).extracting(SeedSummary.Gap::table).contains("public.people_copy");
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM jobs")).isEqualTo(2);
            assertThat(count(db, "SELECT count(*) FROM job_parameters")).isEqualTo(2_000);
            assertThat(count(db, "SELECT count(*) FROM people_copy")).isEqualTo(count(db, "SELECT count(*) FROM people"));
        }
    }

    @Test
    void tablesFilledByTriggersAndPartitionsCreatedLaterAreHandled() throws SQLException {
        RunResult result = profile("V1__t.sql", """
                        CREATE TABLE projects (id int PRIMARY KEY);
                        CREATE TABLE hierarchy (parent int NOT NULL REFERENCES projects, child int NOT NULL REFERENCES projects,
                            PRIMARY KEY (parent, child));
                        CREATE FUNCTION self_link() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN INSERT INTO hierarchy VALUES (NEW.id, NEW.id); RETURN NEW; END $$;
                        CREATE TRIGGER self_link AFTER INSERT ON projects FOR EACH ROW EXECUTE FUNCTION self_link();
                        CREATE TABLE metrics (project_id int NOT NULL, at date NOT NULL, value int, PRIMARY KEY (project_id, at))
                            PARTITION BY RANGE (at);
                        """,
                "V2__partitions.sql", """
                        CREATE TABLE metrics_a PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
                        CREATE TABLE metrics_b PARTITION OF metrics FOR VALUES FROM ('2024-03-01') TO ('2024-03-03');
                        """);

        assertAllPassed(result);
        try (Connection db = server.admin(result.database())) {
            assertThat(count(db, "SELECT count(*) FROM hierarchy")).isEqualTo(count(db, "SELECT count(*) FROM projects"));
            assertThat(count(db, "SELECT count(*) FROM metrics_a")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM metrics_b")).isPositive();
        }
    }

}
