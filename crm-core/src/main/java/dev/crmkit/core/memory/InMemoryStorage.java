package dev.crmkit.core.memory;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.spi.AfterCommit;
import dev.crmkit.core.spi.Leases;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The embedded default storage: everything in this JVM's heap, nothing persisted. Thread-safe. Each tenant's data
 * sits behind its own read/write lock, so readers run in parallel and a write transaction sees and leaves a
 * consistent state; a write that throws is undone completely. Nested calls on the same tenant join the outer
 * transaction.
 */
public final class InMemoryStorage implements Storage {
    private final ConcurrentMap<TenantId, TenantTables> tenants = new ConcurrentHashMap<>();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final MemoryLeases leases = new MemoryLeases();
    private final DocumentStore documents = DocumentStore.inMemory();

    private InMemoryStorage() {
    }

    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    @Override
    public <T> T read(TenantId tenant, Function<StorageTx, T> work) {
        TenantTables tables = tables(tenant);
        if (tables.lock.isWriteLockedByCurrentThread()) {
            return work.apply(tables.currentWrite);
        }
        tables.lock.readLock().lock();
        MemoryTx tx = new MemoryTx(tables, null);
        try {
            return work.apply(tx);
        } finally {
            tx.close();
            tables.lock.readLock().unlock();
        }
    }

    @Override
    public boolean joinsCallerTransaction() {
        return tenants.values().stream()
                .anyMatch(t -> t.lock.isWriteLockedByCurrentThread() || t.lock.getReadHoldCount() > 0);
    }

    @Override
    public <T> T write(TenantId tenant, Function<StorageTx, T> work) {
        TenantTables tables = tables(tenant);
        if (tables.lock.isWriteLockedByCurrentThread()) {
            return work.apply(tables.currentWrite);
        }
        if (tables.lock.getReadHoldCount() > 0) {
            // Upgrading a read lock would deadlock; this is a programming error in the caller.
            throw new IllegalStateException("cannot start a write transaction inside a read transaction");
        }
        tables.lock.writeLock().lock();
        UndoLog undo = new UndoLog();
        MemoryTx tx = new MemoryTx(tables, undo);
        tables.currentWrite = tx;
        T result;
        try {
            result = work.apply(tx);
            tx.outboxErasures().forEach(change -> change.accept(outbox));
            outbox.commit(tx.stagedOutbox());
            undo.commit();
        } catch (RuntimeException | Error e) {
            undo.rollback();
            throw e;
        } finally {
            tx.close();
            tables.currentWrite = null;
            tables.lock.writeLock().unlock();
        }
        AfterCommit.runAll(tx.afterCommitActions());
        return result;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public Leases leases() {
        return leases;
    }

    @Override
    public DocumentStore documentStore() {
        return documents;
    }

    private TenantTables tables(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, TenantTables::new);
    }
}
