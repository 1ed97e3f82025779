package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies an ad within a campaign. */
public record AdId(UUID value) implements EntityId, Ref<AdId> {
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

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public AdId id() {
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
