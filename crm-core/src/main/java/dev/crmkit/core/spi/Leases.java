package dev.crmkit.core.spi;

import java.time.Instant;

/**
 * Named, expiring leases shared by every application node on one storage: a node that holds a lease may do the
 * work it names (scheduled escalations, reminders, outbox dispatch) while the others stay idle, and when that node
 * dies its lease runs out and another takes over. A lease is advisory: work done under it must still be safe when
 * two nodes overlap for a moment (a clock that jumps, a pause longer than the lease), which CRMKit's scheduled
 * operations are.
 */
public interface Leases {
    /** Longest lease and holder name. */
    int MAX_NAME = 100;

    /**
     * Takes the lease {@code name} for {@code holder} until {@code until}, or renews it, when nobody holds it, its
     * holder's time ran out at {@code now}, or {@code holder} already holds it. Returns whether {@code holder} holds
     * it now. Runs in a transaction of its own, outside any host transaction.
     */
    boolean acquire(String name, String holder, Instant now, Instant until);

    /** Gives up the lease if {@code holder} holds it, so another node may take it at once. */
    void release(String name, String holder);

    /** Refuses a lease or holder name the storage cannot hold: null, blank, or longer than {@link #MAX_NAME}. */
    static void check(String name, String holder) {
        for (String s : new String[] {name, holder}) {
            if (s == null || s.isBlank() || s.length() > MAX_NAME) {
                throw new IllegalArgumentException("lease and holder names must be 1-" + MAX_NAME + " characters: "
                        + name + ", " + holder);
            }
        }
    }
}
