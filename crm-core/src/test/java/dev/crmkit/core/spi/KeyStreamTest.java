package dev.crmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyStreamTest {
    @Test
    void theBitsNeverRepeatAndEachIsSetAboutHalfTheTimeAcrossRefillsAndNewKeys() {
        KeyStream stream = new KeyStream(8192); // a new key every 1,024 longs
        Set<Long> seen = new HashSet<>();
        int[] ones = new int[64];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long bits = stream.nextLong();
            assertThat(seen.add(bits)).as("draw %d repeats an earlier one", i).isTrue();
            for (int b = 0; b < 64; b++) {
                ones[b] += (int) (bits >>> b & 1);
            }
        }
        for (int b = 0; b < 64; b++) {
            // 20,000 fair coin flips: ±3 % is ten standard deviations
            assertThat(ones[b]).as("bit %d", b).isBetween(n * 47 / 100, n * 53 / 100);
        }
    }

    @Test
    void twoStreamsAreKeyedApart() {
        KeyStream a = new KeyStream();
        KeyStream b = new KeyStream();
        Set<Long> fromA = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            fromA.add(a.nextLong());
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(fromA).doesNotContain(b.nextLong());
        }
    }
}
