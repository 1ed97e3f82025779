package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies an ad within a campaign. */
public record AdId(UUID value) implements EntityId {
    public AdId {
        Objects.requireNonNull(value, "AdId");
    }

    public static AdId of(UUID value) {
        return new AdId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static AdId parse(String text) {
        return new AdId(Ids.parse(text, "AdId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
