package dev.crmkit.core.memory;

import java.security.SecureRandom;

/**
 * A hash of text keyed by a secret seed, for the open-addressing indexes of values that come from outside (visitor
 * ids, event ids a tracking sender chooses). {@link String#hashCode} is public arithmetic: a sender can make thousands
 * of ids share one hash ("Aa"/"BB" blocks), which a {@code HashMap} survives by turning its bucket into a tree but
 * linear probing does not. Each step takes four characters, multiplies and folds the high half down (not linear in
 * the characters), so which strings collide depends on the seed.
 */
final class TextHash {
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final long M = 0x9E3779B97F4A7C15L;

    private TextHash() {
    }

    static long newSeed() {
        synchronized (SEEDS) {
            return SEEDS.nextLong();
        }
    }

    /** Mixes four characters (16 bits each, the first lowest) into {@code h}. */
    static long step(long h, long fourChars) {
        long x = (h ^ fourChars) * M;
        return x ^ (x >>> 32);
    }

    static int finish(long h, int length) {
        long x = (h ^ length) * 0xD6E8FEB86659FD93L;
        return (int) (x ^ (x >>> 32));
    }

    static int of(String text, long seed) {
        long h = seed;
        int n = text.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h = step(h, text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48);
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            tail |= (long) text.charAt(i) << shift;
        }
        return finish(step(h, tail), n);
    }
}
