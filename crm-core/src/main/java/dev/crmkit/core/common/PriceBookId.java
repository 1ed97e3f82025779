package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a price book (sales): the list prices of one currency. */
public record PriceBookId(UUID value) implements EntityId {
    public PriceBookId {
        Objects.requireNonNull(value, "PriceBookId");
    }

    public static PriceBookId of(UUID value) {
        return new PriceBookId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static PriceBookId parse(String text) {
        return new PriceBookId(Ids.parse(text, "PriceBookId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
