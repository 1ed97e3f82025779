package dev.crmkit.core.storage;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.spi.Leases;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.spi.StoragePort;
import java.util.function.Function;

/**
 * The storage port: hands out a transaction scoped to one tenant, in which every repository reads and writes only
 * that tenant's data. A write transaction either commits everything its function did, or — when the function
 * throws — nothing. Adapters: {@code InMemoryStorage} (crm-core) and {@code JpaStorage} (crm-persistence-jpa).
 */
public interface Storage extends StoragePort<StorageTx>, AutoCloseable {
    /**
     * Runs {@code work} in a read-only transaction; saving inside it is an error. As for {@link #write}, {@code work}
     * may run twice.
     */
    @Override
    <T> T read(TenantId tenant, Function<StorageTx, T> work);

    /**
     * Runs {@code work} in a read-write transaction, committed when it returns and rolled back when it throws. An
     * adapter may run {@code work} a second time when the first run failed before any of its statements reached the
     * database (JPA: a pooled connection the database had closed), so {@code work} must keep its effects inside the
     * transaction until its first storage call.
     */
    @Override
    <T> T write(TenantId tenant, Function<StorageTx, T> work);

    /** The outbox of every tenant, for dispatching events to durable subscribers. */
    @Override
    Outbox outbox();

    /** Where documents' bytes go unless the builder is given another {@link DocumentStore}. */
    DocumentStore documentStore();

    /** Leases that let one node of several on this storage run scheduled work ({@link Leases}). */
    Leases leases();

    /** Releases what the adapter holds (connections, caches); the default does nothing. */
    @Override
    default void close() {
    }
}
