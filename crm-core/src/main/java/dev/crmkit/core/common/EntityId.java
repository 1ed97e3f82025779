package dev.crmkit.core.common;

import java.util.UUID;

/**
 * A typed identifier wrapping a time-ordered UUID, so ids of different aggregates cannot be mixed up.
 *
 * <p>Ids are ordered as unsigned 128-bit numbers ({@link #compare(UUID, UUID)}): the order of their canonical text,
 * of UUID columns in H2 and PostgreSQL, and of creation for the default UUIDv7 ids. Every list that ties on its sort
 * key breaks the tie by this order, on every storage adapter (on MariaDB, whose UUID type orders version 1 to 5
 * UUIDs segment-wise, only for the default v7 ids or other v6+ ids). (Not {@link UUID#compareTo}: it compares the two
 * halves as signed numbers.)
 */
public interface EntityId extends Comparable<EntityId> {
    UUID value();

    /**
     * Unsigned order of the wrapped UUIDs. Ids of different types compare by value alone, so this order is consistent
     * with {@code equals} only among ids of one type: don't mix types in one sorted set.
     */
    @Override
    default int compareTo(EntityId other) {
        return compare(value(), other.value());
    }

    /** Orders UUIDs as unsigned 128-bit numbers, as their text sorts; usable as a {@code Comparator<UUID>}. */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
