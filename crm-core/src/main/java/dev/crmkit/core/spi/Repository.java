package dev.crmkit.core.spi;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Versioned;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Load and save one kind of aggregate within the current tenant, with optimistic version checks. */
public interface Repository<I extends EntityId, T extends Versioned<I, T>> {
    Optional<T> find(I id);

    /**
     * Inserts (version 0) or updates (version = stored version) the aggregate and returns it with its new
     * version. Throws {@code ConcurrentUpdateException} when the stored version differs, and
     * {@code DuplicateException} when inserting an id that exists.
     */
    T save(T aggregate);

    /**
     * The stored aggregates among {@code ids}, by id; unknown ids are left out. For work on many records at once:
     * adapters read them in a few round trips instead of one each.
     */
    default Map<I, T> findAll(Collection<I> ids) {
        Map<I, T> found = new LinkedHashMap<>();
        for (I id : ids) {
            find(id).ifPresent(t -> found.put(id, t));
        }
        return found;
    }

    /**
     * {@link #save} for each aggregate, in order, with the same checks; the saved copies in that order. Adapters may
     * send the writes together, so a failure may name any of them, and the caller's transaction must roll back.
     */
    default List<T> saveAll(List<T> aggregates) {
        List<T> saved = new ArrayList<>(aggregates.size());
        for (T t : aggregates) {
            saved.add(save(t));
        }
        return saved;
    }

    /** The aggregate, or {@link NotFoundException}. */
    default T get(I id) {
        return find(id).orElseThrow(() -> new NotFoundException(kind(), id));
    }

    /**
     * The aggregate {@code ref} names as stored now, for a change about to be applied to it: {@link NotFoundException}
     * when there is none, {@code ConcurrentUpdateException} when {@code ref} is a record read at another version than
     * the stored one (the change was computed from a stale read).
     */
    default T current(Ref<I> ref) {
        T stored = get(ref.id());
        Ref.check(ref, stored, kind());
        return stored;
    }

    /** The aggregate's kind as errors name it, e.g. {@code Lead}. */
    String kind();

    /**
     * {@code lookup} of each of {@code values}, by value, leaving out values nothing has: the default of a bulk
     * lookup for adapters that have no better one.
     */
    static <V, T> Map<V, List<T>> eachOf(Collection<V> values, Function<V, List<T>> lookup) {
        Map<V, List<T>> found = new HashMap<>();
        for (V value : values) {
            List<T> rows = lookup.apply(value);
            if (!rows.isEmpty()) {
                found.put(value, rows);
            }
        }
        return found;
    }
}
