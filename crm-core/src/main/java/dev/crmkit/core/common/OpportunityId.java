package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies an opportunity (sales). */
public record OpportunityId(UUID value) implements EntityId {
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

    @Override
    public String toString() {
        return value.toString();
    }
}
