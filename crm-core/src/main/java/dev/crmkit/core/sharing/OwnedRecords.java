package dev.crmkit.core.sharing;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The owner of a shareable record, over the repositories of the capabilities above this one. */
public interface OwnedRecords {
    /** A record's kind ({@code "Lead"}), id and owner (null: unassigned). */
    record Owned(String kind, EntityId id, @Nullable UserId owner) {
    }

    /** The record, when it exists and its kind can be shared; empty otherwise. */
    Optional<Owned> find(EntityId record);
}
