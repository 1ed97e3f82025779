package dev.crmkit.core.common;

import java.util.OptionalLong;

/**
 * Which record a change is for, and optionally the version the caller read. Commands take a {@code Ref}: pass the
 * id to apply the change to whatever is stored now (the state machine still guards it), or pass the record you read
 * (every aggregate is a {@code Ref} to itself at its version) to have the change refused with
 * {@link ConcurrentUpdateException} when someone changed the record since.
 */
public interface Ref<I extends EntityId> {
    I id();

    /** The version the caller read and based the change on; empty for "whatever is stored now". */
    OptionalLong expectedVersion();

    /** {@code id} as read at {@code version}: for callers that keep the id and version rather than the record. */
    static <I extends EntityId> Ref<I> of(I id, long version) {
        return new VersionRef<>(id, version);
    }

    /**
     * Refuses a change based on a stale read: throws {@link ConcurrentUpdateException} when {@code ref} carries an
     * expected version and {@code current}, the stored {@code kind} record, is at another one.
     */
    static void check(Ref<?> ref, Versioned<?, ?> current, String kind) {
        OptionalLong expected = ref.expectedVersion();
        if (expected.isPresent() && expected.getAsLong() != current.version()) {
            throw new ConcurrentUpdateException(kind, current.id(), expected.getAsLong(),
                    OptionalLong.of(current.version()));
        }
    }
}
