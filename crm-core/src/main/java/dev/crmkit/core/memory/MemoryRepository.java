package dev.crmkit.core.memory;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The version-checked find/save every in-memory repository shares. */
abstract class MemoryRepository<I extends EntityId, T extends Versioned<I, T>> implements Repository<I, T> {
    final MemoryTable<I, T> table;
    final MemoryTx tx;

    MemoryRepository(MemoryTable<I, T> table, MemoryTx tx) {
        this.table = table;
        this.tx = tx;
    }

    @Override
    public Optional<T> find(I id) {
        tx.checkOpen();
        return table.find(id);
    }

    @Override
    public T save(T aggregate) {
        UndoLog undo = tx.undoForWrite();
        long version = aggregate.version();
        T stored = aggregate.withVersion(version + 1);
        table.put(stored, version == 0 ? null : version, Versioned::version, undo);
        return stored;
    }

    /** The bulk read of the repositories' {@code forEach...} methods: rows whose {@code time} is in range. */
    void forEachBetween(Function<T, Instant> time, Instant from, Instant to, Consumer<? super T> visitor) {
        tx.checkOpen();
        table.scan().filter(row -> TimeRange.contains(from, to, time.apply(row))).forEach(visitor);
    }

    List<T> lookup(String index, Object key, Comparator<? super T> order) {
        tx.checkOpen();
        return table.lookup(index, key, order);
    }
}
