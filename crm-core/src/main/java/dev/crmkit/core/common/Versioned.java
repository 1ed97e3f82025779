package dev.crmkit.core.common;

/**
 * An aggregate stored with optimistic locking. Aggregates are immutable: every change returns a new instance, and
 * {@code version} is the stored version it was read at (0 for one never saved). A repository's {@code save} checks
 * that version against the stored one and returns the instance with the new version.
 */
public interface Versioned<I extends EntityId, T extends Versioned<I, T>> {
    I id();

    long version();

    /** A copy carrying {@code newVersion}; only storage adapters call this. */
    T withVersion(long newVersion);
}
