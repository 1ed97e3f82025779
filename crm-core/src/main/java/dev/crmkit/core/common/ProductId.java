package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a product of the catalog. */
public record ProductId(UUID value) implements EntityId, Ref<ProductId> {
    public ProductId {
        Objects.requireNonNull(value, "ProductId");
    }

    public static ProductId of(UUID value) {
        return new ProductId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static ProductId parse(String text) {
        return new ProductId(Ids.parse(text, "ProductId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public ProductId id() {
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
