package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies an opportunity (sales). */
public record OpportunityId(UUID value) implements EntityId, Ref<OpportunityId> {
    public OpportunityId {
        Objects.requireNonNull(value, "OpportunityId");
    }

    public static OpportunityId of(UUID value) {
        return new OpportunityId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static OpportunityId parse(String text) {
        return new OpportunityId(Ids.parse(text, "OpportunityId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public OpportunityId id() {
        return this;
    }

    @Override
    public OptionalLong expectedVersion() {
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
