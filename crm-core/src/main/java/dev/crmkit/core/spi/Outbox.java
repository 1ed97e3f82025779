package dev.crmkit.core.spi;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox across all tenants, for the dispatcher. Entries are added inside write transactions
 * ({@link Tx#outbox()}); each method here runs in a transaction of its own, never a host's.
 *
 * <p>An entry is PENDING until delivered (DELIVERED) or given up (DEAD). A pending entry is due when its next
 * attempt time has come; claiming it moves that time to the end of a lease, so another node sharing the database
 * skips it until the lease runs out (a node that died mid-delivery is thus replaced).
 */
public interface Outbox {
    /**
     * Claims up to {@code limit} due entries of {@code subscribers} for {@code owner} until {@code leaseUntil}, lowest
     * sequence first, and only the earliest pending entry of each subscriber and aggregate (so an aggregate's events
     * reach a subscriber in commit order, a failing one holding back those after it). Two callers never get the same
     * entry while its lease runs.
     */
    List<OutboxEntry> claim(Collection<String> subscribers, Instant now, int limit, String owner, Instant leaseUntil);

    /** Marks claimed entries delivered. */
    void delivered(Collection<Long> sequences, Instant at);

    /**
     * Records a failed attempt: the entry is due again at {@code retryAt}, or DEAD when {@code dead}. Its attempts
     * become {@code attempts}.
     */
    void failed(long sequence, int attempts, String error, Instant retryAt, boolean dead);

    /** The tenant's DEAD entries, newest first. */
    Page<OutboxEntry> dead(TenantId tenant, PageRequest page);

    /** Makes a DEAD entry of the tenant due again at {@code now} with its attempts reset; false if there is none. */
    boolean retry(TenantId tenant, UUID eventId, String subscriber, Instant now);

    /** The tenant's entries for {@code subscriber} not delivered yet (pending, not dead). */
    long pending(TenantId tenant, String subscriber);

    /**
     * When the oldest event still waiting for a subscriber (pending, not dead; every tenant) occurred; empty when
     * nothing waits. Its age is the dispatch lag a host monitors.
     */
    Optional<Instant> oldestPending();

    /** Deletes entries delivered before {@code before}; returns how many. */
    int purgeDelivered(Instant before);
}
