package dev.crmkit.core.common;

import java.util.OptionalLong;

/**
 * An aggregate stored with optimistic locking. Aggregates are immutable: every change returns a new instance, and
 * {@code version} is the stored version it was read at (0 for one never saved). A repository's {@code save} checks
 * that version against the stored one and returns the instance with the new version.
 *
 * <p>An aggregate is a {@link Ref} to itself at the version it was read: a command given the record instead of its
 * id refuses to apply when the record changed since.
 */
public interface Versioned<I extends EntityId, T extends Versioned<I, T>> extends Ref<I> {
    @Override
    I id();

    long version();

    /** The version this record was read at. */
    @Override
    default OptionalLong expectedVersion() {
        return OptionalLong.of(version());
    }

    /** A copy carrying {@code newVersion}; only storage adapters call this. */
    T withVersion(long newVersion);
}
