package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a purchase in a customer's history. */
public record PurchaseId(UUID value) implements EntityId {
    public PurchaseId {
        Objects.requireNonNull(value, "PurchaseId");
    }

    public static PurchaseId of(UUID value) {
        return new PurchaseId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static PurchaseId parse(String text) {
        return new PurchaseId(Ids.parse(text, "PurchaseId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
