package dev.crmkit.core.spi;

import dev.crmkit.core.common.TenantId;

/**
 * What every storage transaction offers whatever the capability: its tenant, named counters, the outbox and
 * after-commit actions. Each capability package extends it with the repositories it works on ({@code TrackingTx},
 * {@code LeadTx}, ...); {@code dev.crmkit.core.storage.StorageTx}, which adapters implement, extends them all.
 */
public interface Tx {
    TenantId tenant();

    /** Named per-tenant counters (tracking numbers, round-robin positions); writes need a write transaction. */
    Sequences sequences();

    /** Where the write's events are stored for durable subscribers, in this same transaction. */
    OutboxWriter outbox();

    /**
     * Runs {@code action} once this transaction committed: right after the storage's own commit, or, when the work
     * joined a host transaction, after the host committed. Never runs when it rolls back. Nested calls that join
     * this transaction register with it. A failing action is logged; the data is committed either way.
     */
    void afterCommit(Runnable action);
}
