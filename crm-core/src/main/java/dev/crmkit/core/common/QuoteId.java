package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a quote. */
public record QuoteId(UUID value) implements EntityId, Ref<QuoteId> {
    public QuoteId {
        Objects.requireNonNull(value, "QuoteId");
    }

    public static QuoteId of(UUID value) {
        return new QuoteId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static QuoteId parse(String text) {
        return new QuoteId(Ids.parse(text, "QuoteId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public QuoteId id() {
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
