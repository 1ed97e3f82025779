package dev.crmkit.core.memory;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
    /** Per index, per key: the one id under it, or a {@link Bucket} of several. */
    private final Map<String, Map<Object, Object>> indexes = new HashMap<>();

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
        Set<I> ids = ids(index, key);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<T> result = new ArrayList<>(ids.size());
        for (I id : ids) {
            result.add(rows.get(id));
        }
        result.sort(order);
        return result;
    }

    /** The constructor made one map per declared index. */
    private Map<Object, Object> indexNamed(String name) {
        Map<Object, Object> index = indexes.get(name);
        if (index == null) {
            throw new IllegalArgumentException(kind + " has no index " + name);
        }
        return index;
    }

    /** The ids under {@code key} in index {@code index}, unordered; a read-only view (valid until the next change). */
    @SuppressWarnings("unchecked")
    Set<I> ids(String index, Object key) {
        Object held = indexNamed(index).get(key);
        return held == null ? Set.of() : held instanceof Bucket<?> b ? Collections.unmodifiableSet((Set<I>) b)
                : Set.of((I) held);
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
    void put(T row, @Nullable Long readVersion, Function<T, Long> versionOf, UndoLog undo) {
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
                Set<I> holders = ids(spec.name(), key);
                if (!holders.isEmpty() && !(holders.size() == 1 && holders.contains(id))) {
                    throw new DuplicateException(kind + " with " + spec.name() + " '" + key + "' already exists");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void index(I id, T row) {
        for (IndexSpec<T> spec : specs.values()) {
            Map<Object, Object> index = indexNamed(spec.name());
            for (Object key : spec.keys().apply(row)) {
                if (key == null) {
                    continue;
                }
                Object held = index.get(key);
                if (held == null) {
                    index.put(key, id);
                } else if (held instanceof Bucket<?> b) {
                    ((Bucket<Object>) b).add(id);
                } else if (!held.equals(id)) {
                    index.put(key, new Bucket<>(held, id));
                }
            }
        }
    }

    private void unindex(I id, T row) {
        for (IndexSpec<T> spec : specs.values()) {
            Map<Object, Object> index = indexNamed(spec.name());
            for (Object key : spec.keys().apply(row)) {
                if (key == null) {
                    continue;
                }
                Object held = index.get(key);
                if (held instanceof Bucket<?> b) {
                    b.remove(id);
                    if (b.size() == 1) {
                        index.put(key, b.iterator().next());
                    }
                } else if (id.equals(held)) {
                    index.remove(key);
                }
            }
        }
    }

    /**
     * The ids under one key once there are several, in the order they were added; read-only to callers. Most keys
     * (an email, an external event id, a birth date among thousands) name one row, which the index holds as itself:
     * a million leads with a dozen keys each would otherwise be a dozen million hash-set entries for the collector to
     * walk. A few ids are an array; past {@link #SMALL} a linked hash set, so adding to a big block stays O(1).
     */
    private static final class Bucket<I> extends AbstractSet<I> {
        private static final int SMALL = 8;
        private static final Object[] NONE = {};
        private Object[] few = new Object[4];
        private int size;
        private @Nullable LinkedHashSet<I> many;

        Bucket(I first, I second) {
            few[0] = first;
            few[1] = second;
            size = 2;
        }

        @SuppressWarnings("unchecked")
        @Override
        public boolean add(I id) {
            if (many != null) {
                return many.add(id);
            }
            if (contains(id)) {
                return false;
            }
            if (size == SMALL) {
                many = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    many.add((I) few[i]);
                }
                few = NONE;
                return many.add(id);
            }
            if (size == few.length) {
                few = Arrays.copyOf(few, SMALL);
            }
            few[size++] = id;
            return true;
        }

        @Override
        public boolean remove(Object id) {
            if (many != null) {
                return many.remove(id);
            }
            int i = indexOf(id);
            if (i < 0) {
                return false;
            }
            System.arraycopy(few, i + 1, few, i, size - i - 1);
            few[--size] = null;
            return true;
        }

        @Override
        public boolean contains(Object id) {
            return many != null ? many.contains(id) : indexOf(id) >= 0;
        }

        private int indexOf(Object id) {
            for (int i = 0; i < size; i++) {
                if (few[i].equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return many != null ? many.size() : size;
        }

        @SuppressWarnings("unchecked")
        @Override
        public Iterator<I> iterator() {
            if (many != null) {
                return Collections.unmodifiableSet(many).iterator();
            }
            return (Iterator<I>) Arrays.asList(few).subList(0, size).iterator();
        }
    }
}
