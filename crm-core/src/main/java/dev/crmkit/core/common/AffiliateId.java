package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies an affiliate site that places ads. */
public record AffiliateId(UUID value) implements EntityId, Ref<AffiliateId> {
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

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public AffiliateId id() {
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
