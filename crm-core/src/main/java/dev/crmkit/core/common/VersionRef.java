package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;

/** What {@link Ref#of} returns: an id with the version its caller read. */
record VersionRef<I extends EntityId>(I id, long version) implements Ref<I> {
    VersionRef {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            // Versions start at 1 when a record is first stored; 0 would be a record never saved.
            throw new ValidationException("expectedVersion", "must be at least 1 (the version of a stored record)");
        }
    }

    @Override
    public OptionalLong expectedVersion() {
        return OptionalLong.of(version);
    }
}
