package dev.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextHashProperties {
    @Property
    void theArenaHashesAStoredTextAsTheTextHashesItself(@ForAll @StringLength(max = 40) String text,
                                                        @ForAll long seed) {
        TextArena arena = new TextArena();
        arena.add("before");
        long address = arena.add(text);

        assertThat(arena.hash(address, seed)).isEqualTo(TextHash.of(text, seed));
        assertThat(arena.get(address)).isEqualTo(text);
        assertThat(arena.equals(address, text)).isTrue();
    }

    @Test
    void textsPastTheFirstBlocksReadBackExactlyAndTheLastOneCanBeTakenBack() {
        TextArena arena = new TextArena();
        long seed = 42;
        long[] addresses = new long[200_000]; // ~4 MB of text: several blocks, texts never split across two
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = arena.add(text(i));
        }
        for (int i = 0; i < addresses.length; i++) {
            assertThat(arena.get(addresses[i])).isEqualTo(text(i));
            assertThat(arena.hash(addresses[i], seed)).isEqualTo(TextHash.of(text(i), seed));
        }
        arena.removeLast(addresses[addresses.length - 1]);
        assertThat(arena.add("again")).isEqualTo(addresses[addresses.length - 1]);
    }

    private static String text(int i) {
        return i % 3 == 0 ? "évènement-" + i : i % 3 == 1 ? "click-" + i + "-" + "x".repeat(i % 7) : "事件-" + i;
    }

    @Test
    void stringsThatShareAJavaHashCodeAreSpreadBySeededHashing() {
        // 4,096 ids of "Aa"/"BB" blocks: one String.hashCode, so one probe run in an index keyed by it
        Set<Integer> javaHashes = new HashSet<>();
        Set<Integer> seeded = new HashSet<>();
        long seed = TextHash.newSeed();
        for (int n = 0; n < 4096; n++) {
            StringBuilder id = new StringBuilder();
            for (int bit = 0; bit < 12; bit++) {
                id.append((n >>> bit & 1) == 0 ? "Aa" : "BB");
            }
            javaHashes.add(id.toString().hashCode());
            seeded.add(TextHash.of(id.toString(), seed));
        }

        assertThat(javaHashes).hasSize(1);
        assertThat(seeded).hasSizeGreaterThan(4090);
    }
}
