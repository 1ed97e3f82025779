package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a sales order. */
public record OrderId(UUID value) implements EntityId, Ref<OrderId> {
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

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public OrderId id() {
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
