package dev.crmkit.core.memory;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.spi.Repository;
import dev.crmkit.core.lead.BlockingKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The rows under {@code keys} in the {@code blocking} index, chosen by {@link BlockingKeys#candidates}: ids first,
     * so the rows of a common key's block are not even looked at unless another key names them too.
     */
    /** The ids in each of {@code keys}' blocks, by key; keys without ids are left out. */
    Map<String, List<I>> blockOwners(Collection<String> keys) {
        tx.checkOpen();
        Map<String, List<I>> owners = new HashMap<>();
        for (String key : keys) {
            Set<I> ids = table.ids("blocking", key);
            if (!ids.isEmpty()) {
                owners.put(key, List.copyOf(ids));
            }
        }
        return owners;
    }

    List<T> byBlockingKeys(Collection<String> keys) {
        tx.checkOpen();
        List<Set<I>> blocks = new ArrayList<>(keys.size());
        for (String key : keys) {
            blocks.add(table.ids("blocking", key));
        }
        Set<I> ids = BlockingKeys.candidates(blocks);
        List<T> found = new ArrayList<>(ids.size());
        for (I id : ids) {
            table.find(id).ifPresent(found::add);
        }
        return found;
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
