package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a lead. */
public record LeadId(UUID value) implements EntityId, Ref<LeadId> {
    public LeadId {
        Objects.requireNonNull(value, "LeadId");
    }

    public static LeadId of(UUID value) {
        return new LeadId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static LeadId parse(String text) {
        return new LeadId(Ids.parse(text, "LeadId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public LeadId id() {
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
