package dev.crmkit.core.memory;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Rows of one kind for one tenant, with hash indexes on derived keys. Not thread-safe by itself: the owning
 * {@link InMemoryStorage} guards every table of a tenant with that tenant's read/write lock. Every change registers
 * its inverse in the transaction's {@link UndoLog}.
 */
final class MemoryTable<I extends EntityId, T> {
    /** A secondary index: maps each row to zero or more keys; {@code unique} indexes reject a second row per key. */
    record IndexSpec<T>(String name, Function<T, Collection<?>> keys, boolean unique) {
    }

    private final String kind;
    private final Function<T, I> idOf;
    private final Map<I, T> rows = new HashMap<>();
    private final Map<String, IndexSpec<T>> specs = new HashMap<>();
    private final Map<String, Map<Object, Set<I>>> indexes = new HashMap<>();

    MemoryTable(String kind, Function<T, I> idOf, List<IndexSpec<T>> indexSpecs) {
        this.kind = kind;
        this.idOf = idOf;
        for (IndexSpec<T> spec : indexSpecs) {
            specs.put(spec.name(), spec);
            indexes.put(spec.name(), new HashMap<>());
        }
    }

    Optional<T> find(I id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Rows under {@code key} in index {@code index}, ordered by {@code order}. */
    List<T> lookup(String index, Object key, Comparator<? super T> order) {
        Set<I> ids = indexes.get(index).get(key);
        if (ids == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>(ids.size());
        for (I id : ids) {
            result.add(rows.get(id));
        }
        result.sort(order);
        return result;
    }

    /** The ids under {@code key} in index {@code index}, unordered; a read-only view (valid until the next change). */
    Set<I> ids(String index, Object key) {
        Set<I> ids = indexes.get(index).get(key);
        return ids == null ? Set.of() : Collections.unmodifiableSet(ids);
    }

    Stream<T> scan() {
        return rows.values().stream();
    }

    int size() {
        return rows.size();
    }

    /**
     * Stores {@code row} after checking {@code readVersion}, the version it was read at, against the stored row's
     * version (null = must be new) and every unique index.
     */
    void put(T row, Long readVersion, Function<T, Long> versionOf, UndoLog undo) {
        I id = idOf.apply(row);
        T previous = rows.get(id);
        if (readVersion == null) {
            if (previous != null) {
                throw new DuplicateException(kind + " " + id + " already exists");
            }
        } else if (previous == null) {
            throw new ConcurrentUpdateException(kind, id, readVersion, OptionalLong.empty());
        } else if (!versionOf.apply(previous).equals(readVersion)) {
            throw new ConcurrentUpdateException(kind, id, readVersion, OptionalLong.of(versionOf.apply(previous)));
        }
        checkUnique(id, row);
        if (previous != null) {
            unindex(id, previous);
        }
        rows.put(id, row);
        index(id, row);
        undo.add(() -> {
            unindex(id, row);
            if (previous == null) {
                rows.remove(id);
            } else {
                rows.put(id, previous);
                index(id, previous);
            }
        });
    }

    /** Removes the row stored at {@code storedVersion}; a missing row is {@link NotFoundException}. */
    void remove(I id, long storedVersion, Function<T, Long> versionOf, UndoLog undo) {
        T previous = rows.get(id);
        if (previous == null) {
            throw new NotFoundException(kind, id);
        }
        if (versionOf.apply(previous) != storedVersion) {
            throw new ConcurrentUpdateException(kind, id, storedVersion, OptionalLong.of(versionOf.apply(previous)));
        }
        unindex(id, previous);
        rows.remove(id);
        undo.add(() -> {
            rows.put(id, previous);
            index(id, previous);
        });
    }

    /** Replaces a row without a version check: for append-only data whose links are updated in bulk. */
    void replace(T row, UndoLog undo) {
        I id = idOf.apply(row);
        T previous = rows.get(id);
        if (previous == null) {
            throw new IllegalStateException("no " + kind + " " + id + " to replace");
        }
        unindex(id, previous);
        rows.put(id, row);
        index(id, row);
        undo.add(() -> {
            unindex(id, row);
            rows.put(id, previous);
            index(id, previous);
        });
    }

    private void checkUnique(I id, T row) {
        for (IndexSpec<T> spec : specs.values()) {
            if (!spec.unique()) {
                continue;
            }
            for (Object key : spec.keys().apply(row)) {
                if (key == null) {
                    continue;
                }
                Set<I> holders = indexes.get(spec.name()).get(key);
                if (holders != null && !(holders.size() == 1 && holders.contains(id))) {
                    throw new DuplicateException(kind + " with " + spec.name() + " '" + key + "' already exists");
                }
            }
        }
    }

    private void index(I id, T row) {
        for (IndexSpec<T> spec : specs.values()) {
            Map<Object, Set<I>> index = indexes.get(spec.name());
            for (Object key : spec.keys().apply(row)) {
                if (key != null) {
                    index.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(id);
                }
            }
        }
    }

    private void unindex(I id, T row) {
        for (IndexSpec<T> spec : specs.values()) {
            Map<Object, Set<I>> index = indexes.get(spec.name());
            for (Object key : spec.keys().apply(row)) {
                if (key == null) {
                    continue;
                }
                Set<I> ids = index.get(key);
                if (ids != null) {
                    ids.remove(id);
                    if (ids.isEmpty()) {
                        index.remove(key);
                    }
                }
            }
        }
    }
}
