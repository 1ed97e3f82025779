package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** {@link Validation#storable} cuts an instant to whole microseconds, as {@code truncatedTo(MICROS)} does. */
class StorableInstantProperties {
    @Property
    void anInstantIsCutToTheMicrosecondAtOrBeforeIt(
            @ForAll @LongRange(min = -2_208_988_800L, max = 7_258_118_399L) long seconds,
            @ForAll @IntRange(max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);

        assertThat(Validation.storable(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
