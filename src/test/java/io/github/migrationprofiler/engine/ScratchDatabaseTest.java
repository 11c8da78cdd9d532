package io.github.migrationprofiler.engine;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchDatabaseTest {

    @Test
    void namesCarryTimestampAndRandomSuffix() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:08:07Z"), ZoneOffset.UTC);

        String first = ScratchDatabase.newName(clock, new Random(1));
        String second = ScratchDatabase.newName(clock, new Random(2));

        assertThat(first).matches("test_migration_20261123_090807_[a-z0-9]{6}");
        assertThat(second).startsWith("test_migration_20261123_090807_").isNotEqualTo(first);
    }
}
