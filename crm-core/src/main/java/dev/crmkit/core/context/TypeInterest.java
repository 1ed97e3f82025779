package dev.crmkit.core.context;

import dev.crmkit.core.common.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What a durable subscriber's {@link EventSubscriber#accepts} asks on every write: which event types a tenant's
 * configuration wants, read from storage and kept for {@code ttl}. Changes through this node apply at once
 * ({@link #changed}); changes through another node sharing the database within {@code ttl}.
 */
public final class TypeInterest {
    private final Duration ttl;
    private final Function<TenantId, Wanted> load;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();
    /** Bumped by every change on this node; cached entries of an older generation are stale. */
    private final AtomicLong generation = new AtomicLong();

    /** The event type names wanted; {@code all} for every type. */
    public record Wanted(boolean all, Set<String> types) {
        public Wanted {
            types = Set.copyOf(types);
        }
    }

    private record Cached(Wanted wanted, long loadedAt, long generation) {
    }

    /** {@code load} reads a tenant's wanted types; it runs inside the write that stages the event (reads join it). */
    public TypeInterest(Duration ttl, Function<TenantId, Wanted> load) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.load = Objects.requireNonNull(load, "load");
    }

    /** Whether {@code tenant} wants events named {@code type}. */
    public boolean wants(TenantId tenant, String type) {
        long now = System.nanoTime();
        long ttlNanos = ttl.toNanos();
        Cached c = cache.get(tenant);
        if (c == null || c.generation() != generation.get() || now - c.loadedAt() >= ttlNanos) {
            long gen = generation.get();
            c = new Cached(load.apply(tenant), now, gen);
            if (ttlNanos > 0) {
                cache.put(tenant, c);
            }
        }
        return c.wanted().all() || c.wanted().types().contains(type);
    }

    /** Forgets what this node knows of the tenant's configuration; call after each change commits. */
    public void changed(TenantId tenant) {
        generation.incrementAndGet();
        cache.remove(tenant);
    }
}
