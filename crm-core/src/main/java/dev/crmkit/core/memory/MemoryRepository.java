package dev.crmkit.core.memory;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.ArrayList;
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

    int count(String index, Object key) {
        tx.checkOpen();
        return table.count(index, key);
    }

    /** Rows in the cells of the {@code geo} index that {@code box} covers, kept when {@code position} is in it. */
    List<T> within(GeoBox box, Function<T, GeoPoint> position, Comparator<? super T> order) {
        List<T> found = new ArrayList<>();
        for (Integer cell : GeoCells.covering(box)) {
            for (T row : lookup("geo", cell, order)) {
                GeoPoint p = position.apply(row);
                if (p != null && box.contains(p)) {
                    found.add(row);
                }
            }
        }
        return found;
    }

    List<T> lookup(String index, Object key, Comparator<? super T> order) {
        tx.checkOpen();
        return table.lookup(index, key, order);
    }
}
