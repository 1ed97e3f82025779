package dev.crmkit.core.sharing;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.UserId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The owners of shareable records, over the repositories of the capabilities above this one. */
public interface OwnedRecords {
    /**
     * A record's kind ({@code "Lead"}), id, owner (null: unassigned) and the account it belongs to (null: none; an
     * account's is its own id).
     */
    record Owned(String kind, EntityId id, @Nullable UserId owner, @Nullable AccountId account) {
        public Owned(String kind, EntityId id, @Nullable UserId owner) {
            this(kind, id, owner, null);
        }
    }

    /** The record, when it exists and its kind can be shared; empty otherwise. */
    Optional<Owned> find(EntityId record);

    /** The accounts whose account team has one of {@code users}. */
    Set<UUID> accountsWorkedOnBy(Collection<UserId> users);
}
