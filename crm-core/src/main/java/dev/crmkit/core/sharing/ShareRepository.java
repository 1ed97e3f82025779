package dev.crmkit.core.sharing;

import dev.crmkit.core.common.UserId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The shares of the transaction's tenant. Adapters implement it. */
public interface ShareRepository {
    /** Adds the share; sharing a record with a user again changes nothing (false). */
    boolean add(Share share);

    /** Removes the share of {@code record} with {@code user}; false when there was none. */
    boolean remove(UUID record, UserId user);

    /** The record's shares, oldest first (then by user). */
    List<Share> ofRecord(UUID record);

    /** Whether {@code record} is shared with {@code user}. */
    boolean isShared(UUID record, UserId user);

    /** The records shared with {@code user}: one read for a bulk filter (a report over many records). */
    Set<UUID> sharedWith(UserId user);
}
