package dev.crmkit.core.spi;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out new ids. The default is time-ordered (UUID version 7) so database indexes stay append-mostly. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();

    /**
     * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits (a ChaCha20 key stream keyed from
     * {@code SecureRandom}); monotonic within one generator.
     */
    static IdGenerator timeOrdered(Clock clock) {
        KeyStream random = new KeyStream();
        AtomicLong last = new AtomicLong();
        return () -> {
            // Never go backwards, even if the clock does or several ids fall in one millisecond.
            // State is millis << 12 | a 12-bit counter (the "rand_a" field), so it only ever increases.
            long now = clock.millis() << 12;
            long prev;
            long state;
            do { // not updateAndGet: its lambda would capture the clock reading, an object per id
                prev = last.get();
                state = Math.max(prev + 1, now);
            } while (!last.compareAndSet(prev, state));
            long millis = state >>> 12;
            long msb = (millis << 16) | 0x7000L | (state & 0x0FFF);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        };
    }

    /** Sequential, readable ids for tests: 00000000-0000-7000-8000-000000000001, ...2, ... */
    static IdGenerator sequential() {
        AtomicLong counter = new AtomicLong();
        return () -> new UUID(0x7000L, 0x8000000000000000L | counter.incrementAndGet());
    }
}
