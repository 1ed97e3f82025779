package dev.crmkit.core.spi;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
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

    /** The aggregate's kind as errors name it, e.g. {@code Lead}. */
    String kind();
}
