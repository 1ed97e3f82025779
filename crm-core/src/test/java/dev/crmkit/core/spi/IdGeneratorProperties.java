package dev.crmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IdGeneratorProperties {
    /**
     * Ids sort in creation order, signed and unsigned alike, even when the clock stalls or jumps back: indexes stay
     * append-mostly.
     */
    @Property
    void timeOrderedIdsAreStrictlyIncreasingVersion7(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -5, max = 5) Integer> clockSteps) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        List<UUID> generated = new ArrayList<>();
        for (int step : clockSteps) {
            clock.advance(Duration.ofMillis(step));
            generated.add(ids.next());
        }
        for (int i = 1; i < generated.size(); i++) {
            assertThat(generated.get(i)).isGreaterThan(generated.get(i - 1));
            assertThat(EntityId.compare(generated.get(i), generated.get(i - 1))).isPositive();
        }
        assertThat(generated).allSatisfy(u -> {
            assertThat(u.version()).isEqualTo(7);
            assertThat(u.variant()).isEqualTo(2);
        });
    }
}
