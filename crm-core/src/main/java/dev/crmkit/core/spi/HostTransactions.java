package dev.crmkit.core.spi;

import java.util.function.Consumer;

/**
 * The host application's transactions, as a storage adapter that joins them needs to see them: whether the calling
 * thread runs inside one, and a callback when it ends. CRMKit uses it to hand events out only after the host
 * committed, and never for a rollback. Shapes for Spring's {@code TransactionSynchronizationManager} and JTA's
 * {@code TransactionSynchronizationRegistry} ship with the JPA adapter ({@code SpringTransactions},
 * {@code JtaTransactions}).
 */
public interface HostTransactions {
    /** Whether the calling thread runs inside a host transaction that storage work should join. */
    boolean active();

    /**
     * Calls {@code completion} once the host transaction active on this thread ends: with {@code true} after it
     * committed, with {@code false} after it rolled back. Only called while {@link #active()} is true.
     */
    void onCompletion(Consumer<Boolean> completion);

    /** No host transactions: the storage always runs its own. */
    static HostTransactions none() {
        return NoHostTransactions.INSTANCE;
    }
}

enum NoHostTransactions implements HostTransactions {
    INSTANCE;

    @Override
    public boolean active() {
        return false;
    }

    @Override
    public void onCompletion(Consumer<Boolean> completion) {
        throw new IllegalStateException("no host transaction is active");
    }
}
