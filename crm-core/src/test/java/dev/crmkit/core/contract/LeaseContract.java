package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.spi.Leases;
import dev.crmkit.core.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Leases for scheduled work: one holder at a time across every node on the storage, taken over only when the
 * holder's time ran out or it let go.
 */
public abstract class LeaseContract extends ContractSupport {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** Another node on the same storage (a second adapter instance); by default the same storage. */
    protected Storage secondNode() {
        return storage();
    }

    /** A lease name of this test's own, so tests never share one. */
    private String lease() {
        return "scheduler-" + tenant.value();
    }

    @Test
    void theFirstNodeToAskTakesAFreeLease() {
        String name = lease();
        assertThat(storage().leases().acquire(name, "node-a", T0, T0.plusSeconds(30))).isTrue();
        assertThat(secondNode().leases().acquire(name, "node-b", T0.plusSeconds(1), T0.plusSeconds(31))).isFalse();
    }

    @Test
    void theHolderRenewsItsLeaseAndKeepsItPastTheFirstTerm() {
        String name = lease();
        storage().leases().acquire(name, "node-a", T0, T0.plusSeconds(30));
        assertThat(storage().leases().acquire(name, "node-a", T0.plusSeconds(20), T0.plusSeconds(50))).isTrue();
        assertThat(secondNode().leases().acquire(name, "node-b", T0.plusSeconds(40), T0.plusSeconds(70))).isFalse();
    }

    @Test
    void anotherNodeTakesOverWhenTheHoldersTimeRanOut() {
        String name = lease();
        storage().leases().acquire(name, "node-a", T0, T0.plusSeconds(30));
        assertThat(secondNode().leases().acquire(name, "node-b", T0.plusSeconds(30), T0.plusSeconds(60))).isTrue();
        assertThat(storage().leases().acquire(name, "node-a", T0.plusSeconds(31), T0.plusSeconds(61))).isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderCanReleaseIt() {
        String name = lease();
        storage().leases().acquire(name, "node-a", T0, T0.plusSeconds(30));
        secondNode().leases().release(name, "node-b");
        assertThat(secondNode().leases().acquire(name, "node-b", T0.plusSeconds(1), T0.plusSeconds(31))).isFalse();
        storage().leases().release(name, "node-a");
        assertThat(secondNode().leases().acquire(name, "node-b", T0.plusSeconds(2), T0.plusSeconds(32))).isTrue();
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        String name = lease();
        storage().leases().acquire(name + "-escalations", "node-a", T0, T0.plusSeconds(30));
        assertThat(secondNode().leases().acquire(name + "-dispatch", "node-b", T0, T0.plusSeconds(30))).isTrue();
    }

    @Test
    void ofNodesAskingForAFreeLeaseAtOnceExactlyOneGetsIt() throws Exception {
        String name = lease();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> asks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Storage node = i % 2 == 0 ? storage() : secondNode();
                String holder = "node-" + i;
                asks.add(() -> node.leases().acquire(name, holder, T0, T0.plusSeconds(30)));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(asks)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        assertThatThrownBy(() -> storage().leases().acquire(" ", "node-a", T0, T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().leases().acquire(lease(), "n".repeat(Leases.MAX_NAME + 1), T0,
                T0.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
