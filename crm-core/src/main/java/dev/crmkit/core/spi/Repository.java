package dev.crmkit.core.spi;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Versioned;
import java.util.Optional;

/** Load and save one kind of aggregate within the current tenant, with optimistic version checks. */
public interface Repository<I extends EntityId, T extends Versioned<I, T>> {
    Optional<T> find(I id);

    /**
     * Inserts (version 0) or updates (version = stored version) the aggregate and returns it with its new
     * version. Throws {@code ConcurrentUpdateException} when the stored version differs, and
     * {@code DuplicateException} when inserting an id that exists.
     */
    T save(T aggregate);

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
}
