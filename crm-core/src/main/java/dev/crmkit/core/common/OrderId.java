package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a sales order. */
public record OrderId(UUID value) implements EntityId {
    public OrderId {
        Objects.requireNonNull(value, "OrderId");
    }

    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static OrderId parse(String text) {
        return new OrderId(Ids.parse(text, "OrderId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
