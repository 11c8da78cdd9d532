package io.github.migrationprofiler.seed;

import io.github.migrationprofiler.config.SeedOptions;
import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoiseAndOptionsTest {

    @Test
    void drawsDependOnlyOnSeedRowAndStream() {
        assertThat(Noise.at(42, 7, 3)).isEqualTo(Noise.at(42, 7, 3));
        assertThat(Noise.at(42, 7, 3)).isNotEqualTo(Noise.at(43, 7, 3)).isNotEqualTo(Noise.at(42, 8, 3)).isNotEqualTo(Noise.at(42, 7, 4));
    }

    @Test
    void skewGivesTheFirstParentsMostChildren() {
        long parents = 10_000;
        long toTopOnePercent = LongStream.range(0, 100_000).filter(row -> Noise.skewed(Noise.at(1, row, 0), parents) < 100).count();
        long toLastHalf = LongStream.range(0, 100_000).filter(row -> Noise.skewed(Noise.at(1, row, 0), parents) >= 5_000).count();

        assertThat(toTopOnePercent).isBetween(28_000L, 36_000L); // 0.01^(1/4) ≈ 32 %
        assertThat(toLastHalf).isBetween(14_000L, 18_000L);      // 1 - 0.5^(1/4) ≈ 16 %
    }

    @Test
    void scalesParse() {
        assertThat(SeedOptions.parse(null, 1, 0.1, Map.of()).childRows()).isEqualTo(100_000);
        assertThat(SeedOptions.parse("SMALL", 1, 0.1, Map.of()).childRows()).isEqualTo(10_000);
        assertThat(SeedOptions.parse("large", 1, 0.1, Map.of()).childRows()).isEqualTo(500_000);
        assertThat(SeedOptions.parse("1_000_000", 1, 0.1, Map.of()).childRows()).isEqualTo(1_000_000);
        assertThat(SeedOptions.parse("0", 1, 0.1, Map.of()).enabled()).isFalse();
        assertThatThrownBy(() -> SeedOptions.parse("huge", 1, 0.1, Map.of()))
                .isInstanceOf(ProfilerException.class).hasMessageContaining("small, medium, large or a number");
    }

    @Test
    void rowCountOverridesMatchWithOrWithoutSchema() {
        SeedOptions options = SeedOptions.parse("small", 1, 0.1, Map.of("users", 5L, "billing.invoices", 9L));

        assertThat(options.rowCountFor("public.users")).contains(5L);
        assertThat(options.rowCountFor("billing.invoices")).contains(9L);
        assertThat(options.rowCountFor("public.invoices")).isEmpty();
    }
}
