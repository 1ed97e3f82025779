package dev.crmkit.core.memory;

import dev.crmkit.core.spi.Leases;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Leases of one in-memory storage: only nodes in this JVM share it, so they only ever compete within it. */
final class MemoryLeases implements Leases {
    private record Held(String holder, Instant until) {
    }

    private final Map<String, Held> held = new HashMap<>();

    @Override
    public synchronized boolean acquire(String name, String holder, Instant now, Instant until) {
        Leases.check(name, holder);
        Held current = held.get(name);
        if (current == null || current.holder.equals(holder) || !current.until.isAfter(now)) {
            held.put(name, new Held(holder, until));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void release(String name, String holder) {
        held.computeIfPresent(name, (n, h) -> h.holder.equals(holder) ? null : h);
    }
}
