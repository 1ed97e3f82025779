package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a quote. */
public record QuoteId(UUID value) implements EntityId {
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

    @Override
    public String toString() {
        return value.toString();
    }
}
