package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Rates and averages in long arithmetic equal BigDecimal division, digit for digit, ties and overflow included. */
class QuotientProperties {
    @Provide
    Arbitrary<Long> numerators() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-1_000_000, 1_000_000), Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, -1L, 5L, -5L, 15L, -25L));
    }

    @Provide
    Arbitrary<Long> denominators() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000), Arbitraries.longs().between(1, Long.MAX_VALUE),
                Arbitraries.of(1L, 2L, 4L, 8L, 10L, 16L, 20L, 1_000_000L, Long.MAX_VALUE));
    }

    @Property(tries = 2000)
    void equalsBigDecimalDivision(@ForAll("numerators") long num, @ForAll @IntRange(max = 8) int scale,
                                  @ForAll("denominators") long den, @ForAll @IntRange(max = 8) int denScale) {
        BigDecimal expected = BigDecimal.valueOf(num, scale).divide(BigDecimal.valueOf(den, denScale),
                Measure.FRACTION_SCALE, RoundingMode.HALF_EVEN);
        assertThat(Finisher.quotient(num, scale, den, denScale)).isEqualTo(expected);
    }

    @Property
    void tiesRoundToEven(@ForAll @IntRange(min = -1000, max = 1000) int half) {
        // (2·half + 1) / 2 × 10^-6 lies exactly between two results at six decimals
        long num = 2L * half + 1;
        BigDecimal expected = BigDecimal.valueOf(num, 6).divide(BigDecimal.valueOf(2), Measure.FRACTION_SCALE,
                RoundingMode.HALF_EVEN);
        assertThat(Finisher.quotient(num, 6, 2, 0)).isEqualTo(expected);
    }
}
