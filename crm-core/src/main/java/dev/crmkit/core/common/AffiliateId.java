package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies an affiliate site that places ads. */
public record AffiliateId(UUID value) implements EntityId {
    public AffiliateId {
        Objects.requireNonNull(value, "AffiliateId");
    }

    public static AffiliateId of(UUID value) {
        return new AffiliateId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static AffiliateId parse(String text) {
        return new AffiliateId(Ids.parse(text, "AffiliateId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
