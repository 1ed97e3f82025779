package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a lead. */
public record LeadId(UUID value) implements EntityId {
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

    @Override
    public String toString() {
        return value.toString();
    }
}
