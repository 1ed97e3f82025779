package dev.crmkit.core.spi;

import dev.crmkit.core.common.TenantId;
import java.util.function.Function;

/**
 * The storage as the layers below the storage aggregate see it: tenant transactions handing out {@code X}, and the
 * outbox. Adapters implement {@code dev.crmkit.core.storage.Storage}, which is this port for the full
 * {@code StorageTx}; services and the event bus take it for the narrower transaction view they need.
 */
public interface StoragePort<X extends Tx> {
    /** Runs {@code work} in a read-only transaction; saving inside it is an error. */
    <T> T read(TenantId tenant, Function<X, T> work);

    /** Runs {@code work} in a read-write transaction, committed when it returns and rolled back when it throws. */
    <T> T write(TenantId tenant, Function<X, T> work);

    /** The outbox of every tenant, for dispatching events to durable subscribers. */
    Outbox outbox();

    /**
     * Whether a transaction begun on the calling thread now would join one already open there (its own or a host's):
     * work that must share that transaction has to stay on this thread. The default, for adapters that never join,
     * is false.
     */
    default boolean joinsCallerTransaction() {
        return false;
    }
}
