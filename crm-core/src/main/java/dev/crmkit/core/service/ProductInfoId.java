package dev.crmkit.core.service;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies the agent-facing information about one product. */
public record ProductInfoId(UUID value) implements EntityId {
    public ProductInfoId {
        Objects.requireNonNull(value, "ProductInfoId");
    }

    public static ProductInfoId of(UUID value) {
        return new ProductInfoId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static ProductInfoId parse(String text) {
        try {
            return new ProductInfoId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("ProductInfoId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
